using System.Buffers;
using Airlock.Core.Leaks;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// The agent's response body seen through the leak redactor: every write passes through
/// <see cref="StreamingRedactor"/>, which holds back only the bytes that could still be the start of a secret.
/// Disposing flushes what is held back, so nothing is lost at the end of the body.
/// </summary>
internal sealed class RedactingStream(Stream inner, StreamingRedactor redactor) : Stream
{
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);
    private bool _flushedTail;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _output.ResetWrittenCount();
        redactor.Process(buffer.Span, _output);
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
        if (!_flushedTail)
        {
            _flushedTail = true;
            _output.ResetWrittenCount();
            redactor.Flush(_output);
            if (_output.WrittenCount > 0)
            {
                await inner.WriteAsync(_output.WrittenMemory).ConfigureAwait(false);
            }

            await inner.FlushAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_flushedTail)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
