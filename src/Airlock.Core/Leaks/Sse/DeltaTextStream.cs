using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// One text stream's redaction state: its delta texts, concatenated, run through a <see cref="StreamingRedactor"/>,
/// and the redactor's output decoded back to text. A multi-byte character split by the redactor's hold-back stays in
/// the decoder until its last byte is released, so it is never mangled. Also keeps the stream's last delta event, the
/// template for an event that carries the text still held when the stream ends.
/// </summary>
internal sealed class DeltaTextStream(DeltaStreamKey key, DeltaFormat format, StreamingRedactor redactor) : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Decoder _decoder = Utf8.GetDecoder();
    private readonly ArrayBufferWriter<byte> _released = new(256);
    private char[] _chars = [];

    public DeltaStreamKey Key { get; } = key;

    public DeltaFormat Format { get; } = format;

    /// <summary>The JSON of the last event that carried a delta of this stream.</summary>
    public JsonObject? Template { get; private set; }

    /// <summary>The SSE event name of that event (<c>null</c> when it had no <c>event:</c> line).</summary>
    public string? TemplateEventName { get; private set; }

    /// <summary>The size of that event's data, counted against <see cref="SseDeltaRedactorOptions.MaxEventBytes"/>.</summary>
    public int TemplateBytes { get; private set; }

    public IReadOnlyList<RedactionCount> Redactions => redactor.Redactions;

    public void KeepTemplate(JsonObject template, string? eventName, int bytes)
    {
        Template = template;
        TemplateEventName = eventName;
        TemplateBytes = bytes;
    }

    /// <summary>Reads one delta's text; returns the text released so far (possibly empty).</summary>
    public string Feed(string text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, rented);
            _released.ResetWrittenCount();
            redactor.Process(rented.AsSpan(0, length), _released);
            return Decode(flush: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Ends the stream: returns the text still held back.</summary>
    public string Finish()
    {
        _released.ResetWrittenCount();
        redactor.Flush(_released);
        return Decode(flush: true);
    }

    private string Decode(bool flush)
    {
        var bytes = _released.WrittenSpan;
        // Each byte decodes to at most one char; up to three bytes left in the decoder may add a surrogate pair, or
        // (at the end, if ever invalid) a replacement character each.
        var needed = bytes.Length + 4;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 256)];
        }

        var count = _decoder.GetChars(bytes, _chars, flush);
        return count == 0 ? "" : new string(_chars, 0, count);
    }

    public void Dispose() => redactor.Dispose();

    public override string ToString() => $"DeltaTextStream({Key.Kind}, {Key.Group}, {Key.Item})";
}
