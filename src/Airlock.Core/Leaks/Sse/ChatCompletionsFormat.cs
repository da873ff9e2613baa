using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// OpenAI Chat Completions chunks (<c>"object":"chat.completion.chunk"</c>, also sent by most OpenAI-compatible
/// servers): each choice's <c>delta.content</c>, <c>reasoning_content</c>, <c>reasoning</c>, <c>refusal</c> and every
/// tool call's <c>function.arguments</c> is a text stream; a choice's <c>finish_reason</c> ends its streams.
/// </summary>
/// <remarks>https://platform.openai.com/docs/api-reference/chat-streaming</remarks>
internal sealed class ChatCompletionsFormat : DeltaFormat
{
    public static ChatCompletionsFormat Instance { get; } = new();

    private const string Family = "chat.";
    private const string ToolArguments = "chat.tool_calls";
    private const string FunctionCallArguments = "chat.function_call";
    private static readonly string[] TextProperties = ["content", "reasoning_content", "reasoning", "refusal"];
    private static readonly string[] TextKinds = [.. TextProperties.Select(p => Family + p)];

    public override bool TryRead(JsonObject root, string? type, DeltaEvent into)
    {
        if (type is not null || root["choices"] is not JsonArray choices || AsString(root["object"]) is not (null or "chat.completion.chunk"))
        {
            return false;
        }

        for (var position = 0; position < choices.Count; position++)
        {
            if (choices[position] is not JsonObject choice)
            {
                continue;
            }

            var index = AsInteger(choice["index"]) ?? position;
            if (choice["delta"] is JsonObject delta)
            {
                ReadDelta(delta, index, into);
            }

            if (choice["finish_reason"] is JsonValue)
            {
                into.Ends.Add(new StreamEnd(Family, index));
            }
        }

        return true;
    }

    private void ReadDelta(JsonObject delta, long choice, DeltaEvent into)
    {
        for (var p = 0; p < TextProperties.Length; p++)
        {
            AddIfText(into, new DeltaStreamKey(TextKinds[p], choice, -1), delta, TextProperties[p]);
        }

        if (delta["tool_calls"] is JsonArray toolCalls)
        {
            for (var position = 0; position < toolCalls.Count; position++)
            {
                if (toolCalls[position] is JsonObject call && call["function"] is JsonObject function)
                {
                    var key = new DeltaStreamKey(ToolArguments, choice, AsInteger(call["index"]) ?? position);
                    AddIfText(into, key, function, "arguments");
                }
            }
        }

        // The deprecated single function call.
        if (delta["function_call"] is JsonObject functionCall)
        {
            AddIfText(into, new DeltaStreamKey(FunctionCallArguments, choice, -1), functionCall, "arguments");
        }
    }

    public override JsonObject Synthesize(JsonObject template, DeltaStreamKey key, string text)
    {
        var root = (JsonObject)template.DeepClone();
        var choices = (JsonArray)root["choices"]!;
        JsonObject? choice = null;
        for (var position = 0; position < choices.Count && choice is null; position++)
        {
            if (choices[position] is JsonObject candidate && (AsInteger(candidate["index"]) ?? position) == key.Group)
            {
                choice = candidate;
            }
        }

        // INVARIANT: the template carried a delta of this stream, so its choice is there.
        choices.Clear();
        choice!["delta"] = key.Kind switch
        {
            ToolArguments => new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = key.Item, ["function"] = new JsonObject { ["arguments"] = text } }),
            },
            FunctionCallArguments => new JsonObject { ["function_call"] = new JsonObject { ["arguments"] = text } },
            _ => new JsonObject { [key.Kind[Family.Length..]] = text },
        };

        // Only the text: no role, no finish, no log probabilities of tokens this event does not carry.
        NullIfPresent(choice, "finish_reason");
        NullIfPresent(choice, "logprobs");
        NullIfPresent(root, "usage");
        choices.Add(choice);
        return root;
    }

    private static void NullIfPresent(JsonObject owner, string property)
    {
        if (owner.ContainsKey(property))
        {
            owner[property] = null;
        }
    }
}
