using System.Buffers;
using Airlock.Core.Leaks;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// The agent's response body seen through the leak redactor: every write passes through
/// <see cref="StreamingRedactor"/>, which holds back only the bytes that could still be the start of a secret.
/// Disposing flushes what is held back, so nothing is lost at the end of the body. The agent's stream belongs to the
/// listener, so it is flushed, not disposed.
/// </summary>
internal sealed class RedactingStream(Stream inner, StreamingRedactor redactor) : ResponseFilterStream(inner, ownsInner: false)
{
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _output.ResetWrittenCount();
        redactor.Process(buffer.Span, _output);
        if (_output.WrittenCount > 0)
        {
            await Inner.WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async ValueTask CompleteAsync()
    {
        _output.ResetWrittenCount();
        redactor.Flush(_output);
        if (_output.WrittenCount > 0)
        {
            await Inner.WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
        }
    }
}
