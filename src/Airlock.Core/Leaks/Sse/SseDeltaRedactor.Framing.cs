using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// SSE framing (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation): lines end
/// with CRLF, LF or CR; an event is every line up to a blank one. Every byte of the event is kept, so an event that is
/// not rewritten goes out exactly as it came.
/// </summary>
public sealed partial class SseDeltaRedactor
{
    // The event being read: its bytes so far, and where each complete line sits in them.
    private byte[] _raw;
    private int _rawLength;
    private int _lineStart;
    private readonly List<SseLine> _lines = [];
    private string? _eventName;
    private bool _afterCarriageReturn;   // the last chunk ended with a CR; an LF first in the next one belongs to it
    private bool _atStreamStart = true;   // a byte order mark may precede the first line

    /// <summary>
    /// One complete line: [<see cref="Start"/>, <see cref="End"/>) with its terminator, the content ending at
    /// <see cref="ContentEnd"/>; for a <c>data</c> line, its value starts at <see cref="ValueStart"/> (-1 when the line
    /// has no colon: the field name alone, an empty value).
    /// </summary>
    private readonly record struct SseLine(int Start, int ValueStart, int ContentEnd, int End, bool IsData);

    private void ReadLines(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        if (PassingThrough)
        {
            output.Write(chunk);
            return;
        }

        if (_afterCarriageReturn && !chunk.IsEmpty)
        {
            _afterCarriageReturn = false;
            if (chunk[0] == (byte)'\n')
            {
                // The LF of a CRLF split between chunks ends the line the CR ended.
                if (_rawLength == 0)
                {
                    output.Write(chunk[..1]);
                }
                else if (TryAppend(chunk[..1]))
                {
                    var last = _lines[^1];
                    _lines[^1] = last with { End = last.End + 1 };
                    _lineStart = _rawLength;
                }
                else
                {
                    StopParsing(output);
                    output.Write(chunk);
                    return;
                }

                chunk = chunk[1..];
            }
        }

        while (!chunk.IsEmpty)
        {
            var lineEnd = chunk.IndexOfAny((byte)'\r', (byte)'\n');
            var terminator = lineEnd < 0 ? 0 : chunk[lineEnd] == (byte)'\r' && lineEnd + 1 < chunk.Length && chunk[lineEnd + 1] == (byte)'\n' ? 2 : 1;
            var take = lineEnd < 0 ? chunk.Length : lineEnd + terminator;
            if (!TryAppend(chunk[..take]))
            {
                // INVARIANT: memory stays bounded; the over-long event and the rest of the body go out unparsed.
                StopParsing(output);
                output.Write(chunk);
                return;
            }

            chunk = chunk[take..];
            if (lineEnd < 0)
            {
                return;
            }

            _afterCarriageReturn = chunk.IsEmpty && _raw[_rawLength - 1] == (byte)'\r';
            EndLine(terminator, output);
            if (PassingThrough)
            {
                output.Write(chunk);
                return;
            }
        }
    }

    private bool TryAppend(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _options.MaxEventBytes - _rawLength)
        {
            return false;
        }

        if (_raw.Length - _rawLength < bytes.Length)
        {
            Array.Resize(ref _raw, (int)Math.Min(_options.MaxEventBytes, Math.Max(2L * _raw.Length, _rawLength + bytes.Length)));
        }

        bytes.CopyTo(_raw.AsSpan(_rawLength));
        _rawLength += bytes.Length;
        return true;
    }

    private void EndLine(int terminator, IBufferWriter<byte> output)
    {
        var start = _lineStart;
        var end = _rawLength;
        var contentEnd = end - terminator;
        _lineStart = end;
        var fieldStart = start;
        if (_atStreamStart)
        {
            _atStreamStart = false;
            if (_raw.AsSpan(start, contentEnd - start).StartsWith("\uFEFF"u8))
            {
                fieldStart += 3;
            }
        }

        var content = _raw.AsSpan(fieldStart, contentEnd - fieldStart);
        if (content.IsEmpty)
        {
            _lines.Add(new SseLine(start, -1, contentEnd, end, IsData: false));
            DispatchEvent(output);
            ResetEvent();
            return;
        }

        var colon = content.IndexOf((byte)':');
        var name = colon < 0 ? content : content[..colon];
        var valueStart = -1;
        if (colon >= 0)
        {
            valueStart = fieldStart + colon + 1;
            if (valueStart < contentEnd && _raw[valueStart] == (byte)' ')
            {
                valueStart++;
            }
        }

        // A comment (empty field name) and fields other than data and event are kept as bytes only.
        var isData = name.SequenceEqual("data"u8);
        if (name.SequenceEqual("event"u8))
        {
            _eventName = valueStart < 0 ? "" : Encoding.UTF8.GetString(_raw, valueStart, contentEnd - valueStart);
        }

        _lines.Add(new SseLine(start, isData ? valueStart : -1, contentEnd, end, isData));
    }

    private void ResetEvent()
    {
        _rawLength = 0;
        _lineStart = 0;
        _lines.Clear();
        _eventName = null;
    }

    /// <summary>The event's data: its data lines' values joined with LF (the spec's data buffer, without the last LF).</summary>
    private ReadOnlySpan<byte> EventData(out int dataLines)
    {
        dataLines = 0;
        var single = default(SseLine);
        foreach (var line in _lines)
        {
            if (line.IsData)
            {
                single = line;
                dataLines++;
            }
        }

        if (dataLines <= 1)
        {
            return dataLines == 0 ? [] : Value(single);
        }

        var joined = new ArrayBufferWriter<byte>(_rawLength);
        var first = true;
        foreach (var line in _lines)
        {
            if (line.IsData)
            {
                if (!first)
                {
                    joined.Write("\n"u8);
                }

                first = false;
                joined.Write(Value(line));
            }
        }

        return joined.WrittenSpan;
    }

    private ReadOnlySpan<byte> Value(SseLine line) =>
        line.ValueStart < 0 ? [] : _raw.AsSpan(line.ValueStart, line.ContentEnd - line.ValueStart);

    /// <summary>Writes the event as read, but with its data lines replaced by one <c>data:</c> line holding <paramref name="json"/>.</summary>
    private void WriteWithData(IBufferWriter<byte> output, JsonObject json)
    {
        var cursor = 0;
        var written = false;
        foreach (var line in _lines)
        {
            if (!line.IsData)
            {
                continue;
            }

            output.Write(_raw.AsSpan(cursor, line.Start - cursor));
            cursor = line.End;
            if (!written)
            {
                written = true;
                output.Write(line.ValueStart < 0 ? "data: "u8 : _raw.AsSpan(line.Start, line.ValueStart - line.Start));
                WriteJson(json, output);
                output.Write(_raw.AsSpan(line.ContentEnd, line.End - line.ContentEnd));
            }
        }

        output.Write(_raw.AsSpan(cursor, _rawLength - cursor));
    }
}
