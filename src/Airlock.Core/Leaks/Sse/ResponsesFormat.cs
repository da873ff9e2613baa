using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// OpenAI Responses API events (<c>"type":"response.…"</c>): the <c>delta</c> of each text-delta event type below is a
/// text stream per output item and content (or summary) part; the matching <c>.done</c> event, the part's or item's
/// <c>.done</c>, and <c>response.completed</c> / <c>incomplete</c> / <c>failed</c> end it. The <c>.done</c> events repeat
/// the whole text inside one event, where the byte-level redactor finds it.
/// </summary>
/// <remarks>https://platform.openai.com/docs/api-reference/responses-streaming</remarks>
internal sealed class ResponsesFormat : DeltaFormat
{
    public static ResponsesFormat Instance { get; } = new();

    private const string Family = "response.";
    private const string DeltaSuffix = ".delta";
    private const string DoneSuffix = ".done";

    // Event types whose `delta` is model text (audio deltas are base64 audio, not text, and are left alone).
    private static readonly HashSet<string> TextStreams = new(StringComparer.Ordinal)
    {
        "response.output_text",
        "response.refusal",
        "response.function_call_arguments",
        "response.custom_tool_call_input",
        "response.mcp_call_arguments",
        "response.reasoning_text",
        "response.reasoning_summary_text",
        "response.output_audio_transcript",
        "response.audio.transcript",
        "response.code_interpreter_call_code",
    };

    public override bool TryRead(JsonObject root, string? type, DeltaEvent into)
    {
        if (type is null || !type.StartsWith(Family, StringComparison.Ordinal))
        {
            return false;
        }

        var group = AsInteger(root["output_index"]) ?? -1;
        switch (type)
        {
            case "response.completed" or "response.incomplete" or "response.failed":
                into.Ends.Add(StreamEnd.All);
                return true;
            case "response.output_item.done":
                into.Ends.Add(new StreamEnd(Family, group));
                return true;
            case "response.content_part.done":
                into.Ends.Add(new StreamEnd(Family, group, AsInteger(root["content_index"]) ?? -1));
                return true;
            case "response.reasoning_summary_part.done":
                into.Ends.Add(new StreamEnd("response.reasoning_summary_text", group, AsInteger(root["summary_index"]) ?? -1));
                return true;
        }

        if (type.EndsWith(DeltaSuffix, StringComparison.Ordinal) && TextStreams.Contains(type[..^DeltaSuffix.Length]))
        {
            AddIfText(into, Key(type[..^DeltaSuffix.Length], root), root, "delta");
        }
        else if (type.EndsWith(DoneSuffix, StringComparison.Ordinal) && TextStreams.Contains(type[..^DoneSuffix.Length]))
        {
            var key = Key(type[..^DoneSuffix.Length], root);
            into.Ends.Add(new StreamEnd(key.Kind, key.Group, key.Item));
        }

        return true;
    }

    private static DeltaStreamKey Key(string kind, JsonObject root) =>
        new(kind, AsInteger(root["output_index"]) ?? -1, AsInteger(root["content_index"]) ?? AsInteger(root["summary_index"]) ?? -1);

    public override JsonObject Synthesize(JsonObject template, DeltaStreamKey key, string text)
    {
        var root = (JsonObject)template.DeepClone();
        root["delta"] = text;
        if (root.ContainsKey("logprobs"))
        {
            root["logprobs"] = new JsonArray();
        }

        return root;
    }
}
