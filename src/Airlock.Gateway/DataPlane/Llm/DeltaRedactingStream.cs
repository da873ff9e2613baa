using System.Buffers;
using Airlock.Core.Leaks.Sse;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>
/// An LLM event stream on its way to the agent: <see cref="SseDeltaRedactor"/> redacts secrets split across the
/// events' text deltas, then <paramref name="inner"/> (the byte-level redactor) sees its output, which catches a
/// secret whole within one event in any encoding. Disposing flushes the held text before the inner stream ends.
/// </summary>
internal sealed class DeltaRedactingStream(Stream inner, SseDeltaRedactor deltas) : Stream
{
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _output.ResetWrittenCount();
        deltas.Process(buffer.Span, _output);
        if (_output.WrittenCount > 0)
        {
            await inner.WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _output.ResetWrittenCount();
            deltas.Flush(_output);
            if (_output.WrittenCount > 0)
            {
                await inner.WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
            }

            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
