using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>
/// A model streaming a text as each provider does, a few characters per event: the events and fields the providers
/// document, with ids and framing around the deltas. <paramref name="newline"/> ends every line.
/// </summary>
internal sealed class FakeModel(string newline = "\n", bool escapeNonAscii = false)
{
    private readonly JsonSerializerOptions _json = new()
    {
        Encoder = escapeNonAscii ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private int _sequence;

    /// <summary>Splits <paramref name="text"/> into deltas of <paramref name="runes"/> characters (never inside a surrogate pair).</summary>
    public static List<string> Deltas(string text, int runes)
    {
        var deltas = new List<string>();
        var current = new StringBuilder();
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            current.Append(rune.ToString());
            if (++count == runes)
            {
                deltas.Add(current.ToString());
                current.Clear();
                count = 0;
            }
        }

        if (current.Length > 0)
        {
            deltas.Add(current.ToString());
        }

        return deltas;
    }

    public string Stream(Provider provider, IReadOnlyList<string> deltas, bool toolCall = false, bool terminate = true) => provider switch
    {
        Provider.ChatCompletions => ChatCompletions(deltas, toolCall, terminate),
        Provider.Responses => Responses(deltas, toolCall, terminate),
        _ => Anthropic(deltas, toolCall, terminate),
    };

    public string ChatCompletions(IReadOnlyList<string> deltas, bool toolCall = false, bool terminate = true)
    {
        var output = new StringBuilder();
        var first = toolCall
            ? Obj(("role", "assistant"), ("content", null), ("tool_calls", new JsonArray(Obj(("index", 0), ("id", "call_1"), ("type", "function"), ("function", Obj(("name", "lookup"), ("arguments", "")))))))
            : Obj(("role", "assistant"), ("content", ""));
        Data(output, ChatChunk(first, null));
        foreach (var delta in deltas)
        {
            Data(output, ChatChunk(toolCall ? ChatToolDelta(0, delta) : Obj(("content", delta)), null));
        }

        if (terminate)
        {
            Data(output, ChatChunk(new JsonObject(), toolCall ? "tool_calls" : "stop"));
            Data(output, ChatUsage());
            output.Append("data: [DONE]").Append(newline).Append(newline);
        }

        return output.ToString();
    }

    /// <summary>
    /// Two choices (<c>n: 2</c>), their deltas interleaved, every fifth event carrying both; choice 0 finishes in its
    /// last content event while choice 1 goes on, then choice 1 finishes in an event of its own.
    /// </summary>
    public string ChatCompletionsTwoChoices(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var output = new StringBuilder();
        int i = 0, j = 0;
        for (var k = 0; i < first.Count || j < second.Count; k++)
        {
            var choices = new JsonArray();
            var both = k % 5 == 0;
            if (i < first.Count && (k % 2 == 0 || both || j >= second.Count))
            {
                choices.Add(Choice(0, Obj(("content", first[i])), i == first.Count - 1 ? "stop" : null));
                i++;
            }

            if (j < second.Count && (k % 2 == 1 || both || i >= first.Count))
            {
                choices.Add(Choice(1, Obj(("content", second[j++])), null));
            }

            Data(output, ChatRoot(choices));
        }

        Data(output, ChatRoot(new JsonArray(Choice(1, new JsonObject(), "stop"))));
        output.Append("data: [DONE]").Append(newline).Append(newline);
        return output.ToString();
    }

    public string Responses(IReadOnlyList<string> deltas, bool functionCall = false, bool terminate = true)
    {
        var output = new StringBuilder();
        var full = string.Concat(deltas);
        var itemId = functionCall ? "fc_1" : "msg_1";
        Event(output, "response.created", Obj(("response", ResponseObject("in_progress", new JsonArray()))));
        var item = functionCall
            ? Obj(("id", itemId), ("type", "function_call"), ("status", "in_progress"), ("call_id", "call_1"), ("name", "lookup"), ("arguments", ""))
            : Obj(("id", itemId), ("type", "message"), ("status", "in_progress"), ("role", "assistant"), ("content", new JsonArray()));
        Event(output, "response.output_item.added", Obj(("output_index", 0), ("item", item)));
        if (!functionCall)
        {
            Event(output, "response.content_part.added", Obj(("item_id", itemId), ("output_index", 0), ("content_index", 0), ("part", TextPart(""))));
        }

        foreach (var delta in deltas)
        {
            if (functionCall)
            {
                Event(output, "response.function_call_arguments.delta", Obj(("item_id", itemId), ("output_index", 0), ("delta", delta)));
            }
            else
            {
                Event(output, "response.output_text.delta", Obj(("item_id", itemId), ("output_index", 0), ("content_index", 0), ("delta", delta), ("logprobs", new JsonArray())));
            }
        }

        if (!terminate)
        {
            return output.ToString();
        }

        JsonObject done;
        if (functionCall)
        {
            Event(output, "response.function_call_arguments.done", Obj(("item_id", itemId), ("output_index", 0), ("arguments", full)));
            done = Obj(("id", itemId), ("type", "function_call"), ("status", "completed"), ("call_id", "call_1"), ("name", "lookup"), ("arguments", full));
        }
        else
        {
            Event(output, "response.output_text.done", Obj(("item_id", itemId), ("output_index", 0), ("content_index", 0), ("text", full), ("logprobs", new JsonArray())));
            Event(output, "response.content_part.done", Obj(("item_id", itemId), ("output_index", 0), ("content_index", 0), ("part", TextPart(full))));
            done = Obj(("id", itemId), ("type", "message"), ("status", "completed"), ("role", "assistant"), ("content", new JsonArray(TextPart(full))));
        }

        Event(output, "response.output_item.done", Obj(("output_index", 0), ("item", done)));
        Event(output, "response.completed", Obj(("response", ResponseObject("completed", new JsonArray(done.DeepClone())))));
        return output.ToString();
    }

    public string Anthropic(IReadOnlyList<string> deltas, bool toolUse = false, bool terminate = true)
    {
        var output = new StringBuilder();
        Event(output, "message_start", Obj(("message", Obj(
            ("id", "msg_1"), ("type", "message"), ("role", "assistant"), ("content", new JsonArray()), ("model", "claude-x"),
            ("stop_reason", null), ("stop_sequence", null), ("usage", Obj(("input_tokens", 25), ("output_tokens", 1)))))), sequenced: false);
        var block = toolUse ? Obj(("type", "tool_use"), ("id", "toolu_1"), ("name", "lookup"), ("input", new JsonObject())) : Obj(("type", "text"), ("text", ""));
        Event(output, "content_block_start", Obj(("index", 0), ("content_block", block)), sequenced: false);
        Event(output, "ping", new JsonObject(), sequenced: false);
        foreach (var delta in deltas)
        {
            var body = toolUse ? Obj(("type", "input_json_delta"), ("partial_json", delta)) : Obj(("type", "text_delta"), ("text", delta));
            Event(output, "content_block_delta", Obj(("index", 0), ("delta", body)), sequenced: false);
        }

        if (terminate)
        {
            Event(output, "content_block_stop", Obj(("index", 0)), sequenced: false);
            Event(output, "message_delta", Obj(("delta", Obj(("stop_reason", toolUse ? "tool_use" : "end_turn"), ("stop_sequence", null))), ("usage", Obj(("output_tokens", 15)))), sequenced: false);
            Event(output, "message_stop", new JsonObject(), sequenced: false);
        }

        return output.ToString();
    }

    /// <summary>An Anthropic message with several content blocks, each streamed with its own delta type.</summary>
    public string AnthropicBlocks(params (string DeltaType, IReadOnlyList<string> Deltas)[] blocks)
    {
        var output = new StringBuilder();
        Event(output, "message_start", Obj(("message", Obj(("id", "msg_1"), ("type", "message"), ("role", "assistant"), ("content", new JsonArray())))), sequenced: false);
        for (var index = 0; index < blocks.Length; index++)
        {
            var (deltaType, deltas) = blocks[index];
            var (blockType, field) = deltaType switch
            {
                "thinking_delta" => ("thinking", "thinking"),
                "input_json_delta" => ("tool_use", "partial_json"),
                _ => ("text", "text"),
            };
            Event(output, "content_block_start", Obj(("index", index), ("content_block", Obj(("type", blockType)))), sequenced: false);
            foreach (var delta in deltas)
            {
                Event(output, "content_block_delta", Obj(("index", index), ("delta", Obj(("type", deltaType), (field, delta)))), sequenced: false);
            }

            Event(output, "content_block_stop", Obj(("index", index)), sequenced: false);
        }

        Event(output, "message_delta", Obj(("delta", Obj(("stop_reason", "end_turn")))), sequenced: false);
        Event(output, "message_stop", new JsonObject(), sequenced: false);
        return output.ToString();
    }

    private static JsonObject ChatToolDelta(int index, string arguments) =>
        Obj(("tool_calls", new JsonArray(Obj(("index", index), ("function", Obj(("arguments", arguments)))))));

    private static JsonObject Choice(int index, JsonObject delta, string? finish) =>
        Obj(("index", index), ("delta", delta), ("logprobs", null), ("finish_reason", finish));

    private static JsonObject ChatChunk(JsonObject delta, string? finish) => ChatRoot(new JsonArray(Choice(0, delta, finish)));

    private static JsonObject ChatRoot(JsonArray choices) => Obj(
        ("id", "chatcmpl-1"), ("object", "chat.completion.chunk"), ("created", 1767225600), ("model", "gpt-x"),
        ("system_fingerprint", "fp_1"), ("choices", choices), ("usage", null));

    private static JsonObject ChatUsage()
    {
        var usage = ChatRoot(new JsonArray());
        usage["usage"] = Obj(("prompt_tokens", 9), ("completion_tokens", 12), ("total_tokens", 21));
        return usage;
    }

    private static JsonObject TextPart(string text) => Obj(("type", "output_text"), ("annotations", new JsonArray()), ("text", text));

    private static JsonObject ResponseObject(string status, JsonArray output) =>
        Obj(("id", "resp_1"), ("object", "response"), ("status", status), ("model", "gpt-x"), ("output", output));

    private void Data(StringBuilder output, JsonObject json) =>
        output.Append("data: ").Append(json.ToJsonString(_json)).Append(newline).Append(newline);

    private void Event(StringBuilder output, string type, JsonObject json, bool sequenced = true)
    {
        var root = new JsonObject { ["type"] = type };
        if (sequenced)
        {
            root["sequence_number"] = _sequence++;
        }

        foreach (var (name, value) in json.ToList())
        {
            json.Remove(name);
            root[name] = value;
        }

        output.Append("event: ").Append(type).Append(newline);
        output.Append("data: ").Append(root.ToJsonString(_json)).Append(newline).Append(newline);
    }

    private static JsonObject Obj(params (string Name, object? Value)[] members)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in members)
        {
            obj[name] = value switch
            {
                null => null,
                JsonNode node => node,
                string s => JsonValue.Create(s),
                int n => JsonValue.Create(n),
                _ => throw new ArgumentException(Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        }

        return obj;
    }
}
