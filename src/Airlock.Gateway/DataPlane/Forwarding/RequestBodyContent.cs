using System.Buffers;
using System.Net;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// The agent's request body, copied upstream as it arrives (never buffered whole). Unlike <see cref="StreamContent"/>
/// it does not own the source, which belongs to the listener.
/// </summary>
internal sealed class RequestBodyContent : HttpContent
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _source;

    public RequestBodyContent(Stream source, long? length)
    {
        _source = source;
        // Unknown length: HttpClient sends the body chunked.
        Headers.ContentLength = length;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await _source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                // Flush each chunk so a slow upload reaches the upstream as it comes (no hidden buffering in between).
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
