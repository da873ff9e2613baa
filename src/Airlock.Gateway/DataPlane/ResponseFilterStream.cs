namespace Airlock.Gateway.DataPlane;

/// <summary>
/// A write-only stream between the upstream's response body and the agent: each write is transformed and passed on
/// to <see cref="Inner"/>. Disposing is the end of the body: <see cref="CompleteAsync"/> releases what the filter held
/// back, then the inner stream is ended too (disposed when this filter owns it, flushed otherwise).
/// </summary>
internal abstract class ResponseFilterStream(Stream inner, bool ownsInner) : Stream
{
    private bool _completed;

    protected Stream Inner { get; } = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override void Flush() => Inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await CompleteAsync().ConfigureAwait(false);
            if (ownsInner)
            {
                await Inner.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await Inner.FlushAsync().ConfigureAwait(false);
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The body has ended: write what is still held back to <see cref="Inner"/>.</summary>
    protected virtual ValueTask CompleteAsync() => ValueTask.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
