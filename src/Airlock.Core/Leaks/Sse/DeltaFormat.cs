using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// One provider's streaming format: which fields of an event are delta text, which events end a text stream, and how
/// to build an event that carries a stream's held-back text. Stateless; one instance per format.
/// </summary>
internal abstract class DeltaFormat
{
    /// <summary>
    /// Reads <paramref name="root"/> (the event's JSON; <paramref name="type"/> is its <c>type</c> member, if a string)
    /// into <paramref name="into"/>; false when the event is not this format's.
    /// </summary>
    public abstract bool TryRead(JsonObject root, string? type, DeltaEvent into);

    /// <summary>
    /// An event like <paramref name="template"/> (the stream's last delta event, left unchanged) that carries only
    /// <paramref name="text"/> for the stream <paramref name="key"/>.
    /// </summary>
    public abstract JsonObject Synthesize(JsonObject template, DeltaStreamKey key, string text);

    /// <summary>
    /// Reads an event's JSON as the format it belongs to; false for anything else (it then passes through unchanged).
    /// An SSE event name other than <c>message</c> must agree with the JSON <c>type</c>: clients dispatch on either.
    /// </summary>
    public static bool TryReadAny(JsonObject root, string? eventName, DeltaEvent into)
    {
        var type = AsString(root["type"]);
        if (eventName is not null and not "message" && type != eventName)
        {
            return false;
        }

        if (type is "error")
        {
            // Anthropic and the Responses API both end the stream with an error event.
            into.Ends.Add(StreamEnd.All);
            return true;
        }

        return ChatCompletionsFormat.Instance.TryRead(root, type, into)
            || ResponsesFormat.Instance.TryRead(root, type, into)
            || AnthropicMessagesFormat.Instance.TryRead(root, type, into);
    }

    protected static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    protected static long? AsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>Adds <c>owner[property]</c> as a delta of <paramref name="key"/> when it is a string.</summary>
    protected void AddIfText(DeltaEvent into, DeltaStreamKey key, JsonObject owner, string property)
    {
        if (AsString(owner[property]) is { } text)
        {
            into.Fields.Add(new DeltaField(key, this, owner, property, text));
        }
    }
}
