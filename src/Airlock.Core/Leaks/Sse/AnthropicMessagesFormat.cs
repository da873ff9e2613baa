using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// Anthropic Messages events: a <c>content_block_delta</c>'s <c>text_delta.text</c>, <c>input_json_delta.partial_json</c>
/// and <c>thinking_delta.thinking</c> are a text stream per content block; <c>content_block_stop</c> ends the block's,
/// <c>message_delta</c> and <c>message_stop</c> end them all.
/// </summary>
/// <remarks>https://docs.anthropic.com/en/docs/build-with-claude/streaming</remarks>
internal sealed class AnthropicMessagesFormat : DeltaFormat
{
    public static AnthropicMessagesFormat Instance { get; } = new();

    private const string Family = "anthropic.";

    // Delta type → its text property. Signatures and citations are not model text.
    private static readonly Dictionary<string, (string Kind, string Property)> TextDeltas = new(StringComparer.Ordinal)
    {
        ["text_delta"] = (Family + "text_delta", "text"),
        ["input_json_delta"] = (Family + "input_json_delta", "partial_json"),
        ["thinking_delta"] = (Family + "thinking_delta", "thinking"),
    };

    public override bool TryRead(JsonObject root, string? type, DeltaEvent into)
    {
        switch (type)
        {
            case "content_block_delta":
                if (root["delta"] is JsonObject delta && AsString(delta["type"]) is { } deltaType && TextDeltas.TryGetValue(deltaType, out var field))
                {
                    AddIfText(into, new DeltaStreamKey(field.Kind, AsInteger(root["index"]) ?? -1, -1), delta, field.Property);
                }

                return true;
            case "content_block_stop":
                into.Ends.Add(new StreamEnd(Family, AsInteger(root["index"]) ?? -1));
                return true;
            case "message_delta" or "message_stop":
                into.Ends.Add(new StreamEnd(Family));
                return true;
            case "message_start" or "content_block_start" or "ping":
                return true;
            default:
                return false;
        }
    }

    public override JsonObject Synthesize(JsonObject template, DeltaStreamKey key, string text)
    {
        var root = (JsonObject)template.DeepClone();
        var delta = (JsonObject)root["delta"]!;
        delta[TextDeltas[AsString(delta["type"])!].Property] = text;
        return root;
    }
}
