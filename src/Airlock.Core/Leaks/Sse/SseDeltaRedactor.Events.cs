using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>What happens to one complete event: delta text through the streams' redactors, ended streams flushed.</summary>
public sealed partial class SseDeltaRedactor
{
    // Providers write non-ASCII text as UTF-8, not \uXXXX; the output is read by API clients, not embedded in HTML.
    private static readonly JsonWriterOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    // A duplicate key is refused: clients differ on which value wins, so such an event passes through as it came.
    private static readonly JsonDocumentOptions JsonInput = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    private readonly DeltaEvent _event = new();
    private readonly List<string> _released = [];
    private Utf8JsonWriter? _jsonWriter;

    private void DispatchEvent(IBufferWriter<byte> output)
    {
        var data = EventData(out var dataLines);
        if (dataLines == 0)
        {
            // Comments, blank lines, id or retry alone: a client dispatches nothing.
            output.Write(_raw.AsSpan(0, _rawLength));
            return;
        }

        if (data.SequenceEqual("[DONE]"u8))
        {
            EndStreams(StreamEnd.All, output);
            output.Write(_raw.AsSpan(0, _rawLength));
            return;
        }

        _event.Clear();
        if (!TryRead(data, out var root))
        {
            output.Write(_raw.AsSpan(0, _rawLength));
            return;
        }

        Apply(root, data.Length, output);
    }

    /// <summary>Parses the data as JSON and reads it as a provider event; false for anything else.</summary>
    private bool TryRead(ReadOnlySpan<byte> data, out JsonObject root)
    {
        root = null!;
        var trimmed = data.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            // Everything the event means is read here, before any stream changes: an event that fails halfway
            // (invalid JSON, a lone surrogate in a string, a duplicate key) passes through untouched.
            if (JsonNode.Parse(trimmed, documentOptions: JsonInput) is not JsonObject parsed || !DeltaFormat.TryReadAny(parsed, _eventName, _event))
            {
                _event.Clear();
                return false;
            }

            _wholeStringCounts.Clear();
            _wholeStringsChanged = RedactWholeStrings(parsed);
            root = parsed;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            _event.Clear();
            return false;
        }
    }

    private void Apply(JsonObject root, int dataBytes, IBufferWriter<byte> output)
    {
        if (!WithinLimits(dataBytes))
        {
            StopParsing(output);
            return;
        }

        Add(_settledCounts, _wholeStringCounts);
        var fields = _event.Fields;
        _released.Clear();
        foreach (var field in fields)
        {
            var stream = Find(field.Key) ?? Open(field.Key, field.Format);
            _released.Add(stream.Feed(field.Text));
            stream.KeepTemplate(root, _eventName, dataBytes);
        }

        for (var s = 0; s < _streams.Count;)
        {
            var stream = _streams[s];
            if (!_event.EndsStream(stream.Key))
            {
                s++;
                continue;
            }

            var held = stream.Finish();
            var last = fields.FindLastIndex(f => f.Key == stream.Key);
            if (last >= 0)
            {
                // The event that ends the stream carries its text too: the rest goes out in it.
                _released[last] += held;
            }
            else if (held.Length > 0)
            {
                WriteHeldText(stream, held, output);
            }

            Close(stream);
            _streams.RemoveAt(s);
        }

        var changed = _wholeStringsChanged;
        for (var f = 0; f < fields.Count; f++)
        {
            if (!string.Equals(_released[f], fields[f].Text, StringComparison.Ordinal))
            {
                fields[f].Owner[fields[f].Property] = _released[f];
                changed = true;
            }
        }

        if (changed)
        {
            WriteWithData(output, root);
        }
        else
        {
            output.Write(_raw.AsSpan(0, _rawLength));
        }
    }

    /// <summary>Whether this event's new streams and template stay within <see cref="SseDeltaRedactorOptions"/>.</summary>
    private bool WithinLimits(int dataBytes)
    {
        var streams = _streams.Count;
        var templateBytes = 0L;
        foreach (var stream in _streams)
        {
            templateBytes += _event.Fields.Exists(f => f.Key == stream.Key) ? dataBytes : stream.TemplateBytes;
        }

        foreach (var key in _event.Fields.Select(f => f.Key).Distinct())
        {
            if (Find(key) is null)
            {
                streams++;
                templateBytes += dataBytes;
            }
        }

        return streams <= _options.MaxTextStreams && templateBytes <= _options.MaxEventBytes;
    }

    /// <summary>Ends the matching streams, writing each one's held-back text in an event of its own.</summary>
    private void EndStreams(StreamEnd end, IBufferWriter<byte> output)
    {
        for (var s = 0; s < _streams.Count;)
        {
            var stream = _streams[s];
            if (!end.Matches(stream.Key))
            {
                s++;
                continue;
            }

            var held = stream.Finish();
            if (held.Length > 0)
            {
                WriteHeldText(stream, held, output);
            }

            Close(stream);
            _streams.RemoveAt(s);
        }
    }

    /// <summary>
    /// Writes an event like the stream's last delta event, carrying <paramref name="text"/> only. No <c>id:</c> line:
    /// repeating an earlier id would move the client's last event id backwards.
    /// </summary>
    private void WriteHeldText(DeltaTextStream stream, string text, IBufferWriter<byte> output)
    {
        var json = stream.Format.Synthesize(stream.Template!, stream.Key, text);
        if (stream.TemplateEventName is { } name)
        {
            output.Write("event: "u8);
            output.Write(Encoding.UTF8.GetBytes(name));
            output.Write("\n"u8);
        }

        output.Write("data: "u8);
        WriteJson(json, output);
        output.Write("\n\n"u8);
    }

    private void WriteJson(JsonObject json, IBufferWriter<byte> output)
    {
        if (_jsonWriter is null)
        {
            _jsonWriter = new Utf8JsonWriter(output, JsonOutput);
        }
        else
        {
            _jsonWriter.Reset(output);
        }

        json.WriteTo(_jsonWriter);
        _jsonWriter.Flush();
    }

    private DeltaTextStream? Find(DeltaStreamKey key) => _streams.Find(s => s.Key == key);

    private DeltaTextStream Open(DeltaStreamKey key, DeltaFormat format)
    {
        var stream = new DeltaTextStream(key, format, _set.CreateRedactor());
        _streams.Add(stream);
        return stream;
    }
}
