using System.Buffers;
using Airlock.Core.Leaks.Sse;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>
/// An LLM event stream on its way to the agent: <see cref="SseDeltaRedactor"/> redacts secrets split across the
/// events' text deltas, then the inner stream (the byte-level redactor) sees its output, which catches a secret whole
/// within one event in any encoding. Disposing flushes the held text before the inner stream ends.
/// </summary>
internal sealed class DeltaRedactingStream(Stream inner, SseDeltaRedactor deltas) : ResponseFilterStream(inner, ownsInner: true)
{
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _output.ResetWrittenCount();
        deltas.Process(buffer.Span, _output);
        if (_output.WrittenCount > 0)
        {
            await Inner.WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async ValueTask CompleteAsync()
    {
        _output.ResetWrittenCount();
        deltas.Flush(_output);
        if (_output.WrittenCount > 0)
        {
            await Inner.WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
        }
    }
}
