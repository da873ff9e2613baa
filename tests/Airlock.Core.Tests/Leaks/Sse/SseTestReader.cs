using System.Text;
using System.Text.Json;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>One event as an EventSource client dispatches it.</summary>
internal sealed record SseTestEvent(string Name, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// An SSE client written from the WHATWG spec for the tests, independent of the redactor: strict UTF-8, and it
/// insists that every event's data is <c>[DONE]</c> or valid JSON.
/// </summary>
internal static class SseTestReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<SseTestEvent> Parse(byte[] body, bool requireJson = true)
    {
        var text = StrictUtf8.GetString(body);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var events = new List<SseTestEvent>();
        var data = new StringBuilder();
        string? name = null;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], position);
            if (end < 0)
            {
                break;   // an unterminated last line is never dispatched
            }

            var line = text[position..end];
            position = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var value = data.ToString(0, data.Length - 1);
                    if (requireJson && value != "[DONE]")
                    {
                        using var _ = JsonDocument.Parse(value);
                    }

                    events.Add(new SseTestEvent(name ?? "message", value));
                }

                data.Clear();
                name = null;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var fieldValue = colon < 0 ? "" : line[(colon + 1)..];
            if (fieldValue.StartsWith(' '))
            {
                fieldValue = fieldValue[1..];
            }

            if (field == "data")
            {
                data.Append(fieldValue).Append('\n');
            }
            else if (field == "event")
            {
                name = fieldValue;
            }
        }

        return events;
    }

    /// <summary>Each text stream's deltas concatenated, by a name for the stream.</summary>
    public static Dictionary<string, string> Texts(IEnumerable<SseTestEvent> events)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string stream, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                texts[stream] = texts.GetValueOrDefault(stream, "") + value.GetString();
            }
        }

        foreach (var e in events.Where(e => e.Data != "[DONE]"))
        {
            var json = e.Json;
            var type = json.TryGetProperty("type", out var typeProperty) ? typeProperty.GetString() : null;
            if (json.TryGetProperty("choices", out var choices))
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    var index = choice.GetProperty("index").GetInt32();
                    if (!choice.TryGetProperty("delta", out var delta))
                    {
                        continue;
                    }

                    foreach (var field in new[] { "content", "reasoning_content", "refusal" })
                    {
                        if (delta.TryGetProperty(field, out var value))
                        {
                            Add($"choice{index}.{field}", value);
                        }
                    }

                    if (delta.TryGetProperty("tool_calls", out var calls))
                    {
                        foreach (var call in calls.EnumerateArray())
                        {
                            Add($"choice{index}.tool{call.GetProperty("index").GetInt32()}", call.GetProperty("function").GetProperty("arguments"));
                        }
                    }
                }
            }
            else if (type is not null && type.EndsWith(".delta", StringComparison.Ordinal) && type.StartsWith("response.", StringComparison.Ordinal))
            {
                var content = json.TryGetProperty("content_index", out var c) ? c.GetInt32() : -1;
                Add($"{type}@{json.GetProperty("output_index").GetInt32()}.{content}", json.GetProperty("delta"));
            }
            else if (type == "content_block_delta")
            {
                var delta = json.GetProperty("delta");
                var field = delta.GetProperty("type").GetString() switch
                {
                    "text_delta" => "text",
                    "input_json_delta" => "partial_json",
                    "thinking_delta" => "thinking",
                    _ => null,
                };
                if (field is not null)
                {
                    Add($"block{json.GetProperty("index").GetInt32()}.{field}", delta.GetProperty(field));
                }
            }
        }

        return texts;
    }

    /// <summary>The full texts the Responses API repeats after the deltas (<c>.done</c>, the part, the item, the response).</summary>
    public static List<string> ResponsesFullTexts(IEnumerable<SseTestEvent> events)
    {
        var texts = new List<string>();
        foreach (var e in events.Where(e => e.Data != "[DONE]"))
        {
            var json = e.Json;
            switch (json.TryGetProperty("type", out var type) ? type.GetString() : null)
            {
                case "response.output_text.done":
                    texts.Add(json.GetProperty("text").GetString()!);
                    break;
                case "response.function_call_arguments.done":
                    texts.Add(json.GetProperty("arguments").GetString()!);
                    break;
                case "response.content_part.done":
                    texts.Add(json.GetProperty("part").GetProperty("text").GetString()!);
                    break;
                case "response.output_item.done":
                    texts.Add(ItemText(json.GetProperty("item")));
                    break;
                case "response.completed":
                    texts.AddRange(json.GetProperty("response").GetProperty("output").EnumerateArray().Select(ItemText));
                    break;
            }
        }

        return texts;
    }

    private static string ItemText(JsonElement item) =>
        item.TryGetProperty("arguments", out var arguments)
            ? arguments.GetString()!
            : string.Concat(item.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}
