using System.Buffers;
using Airlock.Core.Leaks;
using Airlock.Gateway.DataPlane.Forwarding;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.DataPlane.RequestBodies;

/// <summary>
/// The agent's request body as Airlock inspects it before deciding. A body of up to <see cref="InspectLimit"/> bytes is
/// read whole: it is scanned for held secrets (a hit refuses the call before policy) and policy may see it. A larger
/// body is scanned as far as that limit before the decision and the rest as it streams upstream
/// (<see cref="ExfiltrationScanningStream"/>), so no body, however large, is buffered whole.
/// </summary>
internal sealed class AgentRequestBody : IDisposable
{
    /// <summary>The largest body read whole before the decision.</summary>
    public const int InspectLimit = 64 * 1024;

    private readonly Stream? _rest;
    private byte[]? _read;
    private readonly int _readLength;

    private AgentRequestBody(byte[]? read, int readLength, Stream? rest, long? declaredLength)
    {
        _read = read;
        _readLength = readLength;
        _rest = rest;
        DeclaredLength = declaredLength;
    }

    /// <summary>Whether the request has a body at all (possibly empty, e.g. <c>Content-Length: 0</c>).</summary>
    public bool Present => _read is not null || _rest is not null;

    /// <summary>The whole body when it was read whole before the decision; otherwise null.</summary>
    public ReadOnlyMemory<byte>? Whole => _read is not null && _rest is null ? _read.AsMemory(0, _readLength) : null;

    /// <summary>The body's length when known: read whole, or as the agent declared it.</summary>
    public long? DeclaredLength { get; }

    /// <summary>
    /// Reads up to <paramref name="inspectLimit"/> bytes of the body (default <see cref="InspectLimit"/>), scanning them
    /// with <paramref name="check"/>; a larger body is left to stream. An LLM call, whose body must be read whole to be
    /// metered, passes the listener's own limit. A read failure (too large for the listener, broken framing) throws
    /// the listener's <see cref="BadHttpRequestException"/>.
    /// </summary>
    public static async Task<AgentRequestBody> ReadAsync(HttpContext context, ExfiltrationCheck check, CancellationToken ct, int inspectLimit = InspectLimit)
    {
        var detection = context.Features.Get<IHttpRequestBodyDetectionFeature>();
        var declared = context.Request.ContentLength;
        if (!(detection?.CanHaveBody ?? declared > 0))
        {
            return new AgentRequestBody(null, 0, null, null);
        }

        // Read until the body ends or one byte past the limit; the buffer starts at the declared size (or 16 KiB)
        // and grows, so a small body never costs a large buffer.
        var capacity = declared is { } n && n <= inspectLimit ? (int)n : inspectLimit + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(capacity, 1, 16 * 1024));
        var length = 0;
        try
        {
            while (length < capacity)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(capacity, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, capacity) - length), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            check.ScanBody(buffer.AsSpan(0, length));
            // Fewer bytes than the capacity means the body ended: it was read whole.
            if (length <= inspectLimit)
            {
                check.CompleteBody();
                return new AgentRequestBody(buffer, length, null, length);
            }

            return new AgentRequestBody(buffer, length, context.Request.Body, declared);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }

    /// <summary>What the forwarder sends in place of the listener's body; null when there is no body.</summary>
    public ForwardedBody? ToForwarded(ExfiltrationCheck check, int holdBack)
    {
        if (_read is null)
        {
            return null;
        }

        if (_rest is null)
        {
            return new ForwardedBody(new MemoryStream(_read, 0, _readLength, writable: false), _readLength);
        }

        return new ForwardedBody(new ExfiltrationScanningStream(_read.AsSpan(0, _readLength), _rest, check, holdBack), DeclaredLength);
    }

    public void Dispose()
    {
        if (_read is not null)
        {
            ArrayPool<byte>.Shared.Return(_read, clearArray: true);
            _read = null;
        }
    }
}
