using System.Buffers;
using Airlock.Core.Leaks;
using Airlock.Gateway.DataPlane.Forwarding;

namespace Airlock.Gateway.DataPlane.RequestBodies;

/// <summary>
/// A request body too large to inspect before the decision, read as it is forwarded. Every byte passes the
/// exfiltration check first, and the last <c>holdBack</c> bytes (the longest pattern) are held until more arrive,
/// so when a held secret completes none of its bytes has been sent: the read throws
/// <see cref="RequestBodyRefusedException"/> and the forwarder aborts the upstream request.
/// </summary>
internal sealed class ExfiltrationScanningStream : Stream
{
    private const int ReadSize = 16 * 1024;

    private readonly Stream _source;
    private readonly ExfiltrationCheck _check;
    private readonly int _holdBack;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private bool _sourceEnded;

    /// <param name="scanned">Bytes already read from the source and scanned by <paramref name="check"/>.</param>
    /// <param name="source">The rest of the body.</param>
    /// <param name="check">The request's exfiltration check, which has seen <paramref name="scanned"/>.</param>
    /// <param name="holdBack">How many bytes to hold back: the longest pattern the check matches.</param>
    public ExfiltrationScanningStream(ReadOnlySpan<byte> scanned, Stream source, ExfiltrationCheck check, int holdBack)
    {
        _source = source;
        _check = check;
        _holdBack = holdBack;
        _buffer = ArrayPool<byte>.Shared.Rent(scanned.Length + holdBack + ReadSize);
        scanned.CopyTo(_buffer);
        _end = scanned.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(ExfiltrationScanningStream));
        while (true)
        {
            var releasable = _sourceEnded ? _end - _start : _end - _start - _holdBack;
            if (releasable > 0)
            {
                var count = Math.Min(releasable, destination.Length);
                buffer.AsSpan(_start, count).CopyTo(destination.Span);
                _start += count;
                return count;
            }

            if (_sourceEnded)
            {
                return 0;
            }

            if (_start > 0)
            {
                buffer.AsSpan(_start, _end - _start).CopyTo(buffer);
                _end -= _start;
                _start = 0;
            }

            var read = await _source.ReadAsync(buffer.AsMemory(_end, Math.Min(ReadSize, buffer.Length - _end)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _sourceEnded = true;
                _check.CompleteBody();
                continue;
            }

            _check.ScanBody(buffer.AsSpan(_end, read));
            _end += read;
            if (_check.Found)
            {
                throw new RequestBodyRefusedException(ExfiltrationRefusal.Problem, ExfiltrationRefusal.Reasons(_check));
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            // The held bytes are the agent's request data; cleared so a pooled buffer does not carry them on.
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = null;
        }

        base.Dispose(disposing);
    }
}
