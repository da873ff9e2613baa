namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// The request body to send upstream in place of the listener's: <see cref="Length"/> is its Content-Length, or null
/// to send it chunked.
/// </summary>
public sealed record ForwardedBody(Stream Source, long? Length);
