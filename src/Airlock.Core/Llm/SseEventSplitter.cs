using System.Text;

namespace Airlock.Core.Llm;

/// <summary>
/// Splits a server-sent event stream (WHATWG HTML, "event stream interpretation") into events as bytes arrive in any
/// chunks: lines end at LF, CRLF or CR; <c>event:</c> names an event, <c>data:</c> lines join with LF, a blank line
/// dispatches. Lines longer than <see cref="MaxLineBytes"/> stop the splitter for good (<see cref="Overflowed"/>), so
/// a hostile stream cannot grow memory without bound.
/// </summary>
public sealed class SseEventSplitter(Action<string?, string> onEvent)
{
    public const int MaxLineBytes = 1024 * 1024;

    private readonly List<byte> _line = [];
    private readonly StringBuilder _data = new();
    private string? _event;
    private bool _hasData;
    private bool _afterCarriageReturn;

    /// <summary>True once a line was too long; no further events are reported.</summary>
    public bool Overflowed { get; private set; }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            if (Overflowed)
            {
                return;
            }

            if (b == (byte)'\n' && _afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                continue;
            }

            _afterCarriageReturn = b == (byte)'\r';
            if (b is (byte)'\n' or (byte)'\r')
            {
                EndLine();
            }
            else if (_line.Count == MaxLineBytes)
            {
                Overflowed = true;
                _line.Clear();
            }
            else
            {
                _line.Add(b);
            }
        }
    }

    private void EndLine()
    {
        var line = Encoding.UTF8.GetString([.. _line]);
        _line.Clear();
        if (line.Length == 0)
        {
            if (_hasData)
            {
                onEvent(_event, _data.ToString());
            }

            _event = null;
            _data.Clear();
            _hasData = false;
            return;
        }

        if (line[0] == ':')
        {
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        if (field == "event")
        {
            _event = value;
        }
        else if (field == "data")
        {
            if (_hasData)
            {
                _data.Append('\n');
            }

            _data.Append(value);
            _hasData = true;
        }
    }
}
