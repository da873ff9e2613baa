using System.Net;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>Timeouts and pool limits of the <see cref="UpstreamForwarder"/>; each default is chosen, not inherited.</summary>
public sealed class UpstreamForwarderOptions
{
    /// <summary>How long a TCP (and TLS) connection to an upstream may take. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// From sending the request until the upstream's response headers arrive, including the request body upload.
    /// Default 100 s, long enough for a slow LLM's first token.
    /// </summary>
    public TimeSpan ResponseHeadersTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest silence allowed while reading the response body. Default 2 min.</summary>
    public TimeSpan BodyIdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Pooled connections are recycled after this long so DNS changes are picked up. Default 5 min.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An idle pooled connection is closed after this long. Default 60 s.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connections per upstream host and port. Default 256.</summary>
    public int MaxConnectionsPerServer { get; init; } = 256;

    /// <summary>
    /// Called with the endpoint of every outbound connection attempt, before it is checked or made: a hook for
    /// metrics and for tests that prove no connection was attempted. Default none.
    /// </summary>
    public Action<DnsEndPoint>? OnConnect { get; init; }

    /// <summary>Resolves an upstream host name (a test can answer as a rebinding DNS server would). Default the system resolver.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> ResolveHost { get; init; } = Dns.GetHostAddressesAsync;
}
