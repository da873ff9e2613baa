using System.Buffers;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// Redacts held secrets that an LLM provider streams a few tokens at a time, split across server-sent events: the
/// delta text of every OpenAI Chat Completions, OpenAI Responses and Anthropic Messages text stream is concatenated
/// and run through a <see cref="StreamingRedactor"/>, and each delta event is written again carrying the text that
/// redactor released (possibly empty). Events it does not understand, and delta events whose text it did not change,
/// pass through byte for byte.
/// </summary>
/// <remarks>
/// <para>Run the byte-level <see cref="StreamingRedactor"/> over this one's output: this finds a secret split across
/// events, that one a secret whole inside one event (in any field, any encoding), such as the full text that
/// <c>response.output_text.done</c> repeats.</para>
/// <para>Each event is read whole before it is written (a client acts on an event only at its blank line anyway).
/// When a text stream ends — its choice finishes, its content block or output item is done, <c>[DONE]</c>,
/// <c>message_stop</c>, <c>response.completed</c>, an error, or the end of the body — the text its redactor still holds
/// goes out in an event built from the stream's last delta event, before the event that ends it.</para>
/// <para>Memory is bounded by <see cref="SseDeltaRedactorOptions"/>. An event larger than the limit, or more text
/// streams than allowed, stops parsing: open streams are flushed and the rest of the body is copied unchanged
/// (<see cref="PassingThrough"/>), still redacted by the byte-level redactor downstream but no longer across events.</para>
/// <para>Not thread-safe: one instance per response. Call <see cref="Flush"/> at the end of the body, then dispose.</para>
/// </remarks>
public sealed partial class SseDeltaRedactor : IDisposable
{
    private readonly SecretPatternSet _set;
    private readonly SseDeltaRedactorOptions _options;
    private readonly List<DeltaTextStream> _streams = [];   // open, in the order they opened
    private readonly SortedDictionary<string, int> _settledCounts = new(StringComparer.Ordinal);   // closed streams, whole strings
    private bool _finished;

    /// <summary>A redactor for one SSE response body, matching what <paramref name="set"/> matches.</summary>
    public SseDeltaRedactor(SecretPatternSet set, SseDeltaRedactorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        _options = options ?? SseDeltaRedactorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxEventBytes, 64, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTextStreams, 1, nameof(options));
        _raw = new byte[Math.Min(4096, _options.MaxEventBytes)];
    }

    /// <summary>Redactions in delta text so far, per secret name and per <c>detector:&lt;kind&gt;</c>, in name order.</summary>
    public IReadOnlyList<RedactionCount> Redactions
    {
        get
        {
            var counts = new SortedDictionary<string, int>(_settledCounts, StringComparer.Ordinal);
            foreach (var stream in _streams)
            {
                Add(counts, stream.Redactions);
            }

            return [.. counts.Select(c => new RedactionCount(c.Key, c.Value))];
        }
    }

    /// <summary>
    /// True once a limit was exceeded and the rest of the body is copied without parsing: a secret split across later
    /// events is no longer found. Worth a line in the audit record.
    /// </summary>
    public bool PassingThrough { get; private set; }

    /// <summary>
    /// Reads <paramref name="chunk"/> (any split of the body) and writes to <paramref name="output"/> every event it
    /// completes, with delta text replaced by what the redactors released.
    /// </summary>
    public void Process(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_finished, this);
        ReadLines(chunk, output);
    }

    /// <summary>
    /// Ends the body: writes the text every open stream still holds, each in an event of its own, then whatever is
    /// left of an event the body did not finish, unchanged.
    /// </summary>
    public void Flush(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!PassingThrough)
        {
            EndStreams(StreamEnd.All, output);
            output.Write(_raw.AsSpan(0, _rawLength));
            ResetEvent();
        }

        Dispose();
    }

    public void Dispose()
    {
        _finished = true;
        foreach (var stream in _streams)
        {
            Close(stream);
        }

        _streams.Clear();
        _jsonWriter?.Dispose();
        _jsonWriter = null;
    }

    public override string ToString() =>
        $"SseDeltaRedactor({_streams.Count} open text streams, {Redactions.Sum(r => r.Count)} redactions{(PassingThrough ? ", passing through" : "")})";

    /// <summary>Stops parsing: flushes every open stream, then writes the event read so far unchanged.</summary>
    private void StopParsing(IBufferWriter<byte> output)
    {
        EndStreams(StreamEnd.All, output);
        PassingThrough = true;
        output.Write(_raw.AsSpan(0, _rawLength));
        ResetEvent();
        _raw = [];
    }

    private void Close(DeltaTextStream stream)
    {
        Add(_settledCounts, stream.Redactions);
        stream.Dispose();
    }

    private static void Add(SortedDictionary<string, int> counts, IReadOnlyList<RedactionCount> more)
    {
        foreach (var (name, count) in more)
        {
            counts[name] = counts.GetValueOrDefault(name) + count;
        }
    }
}
