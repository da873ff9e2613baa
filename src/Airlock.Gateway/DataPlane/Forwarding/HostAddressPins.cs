using System.Collections.Concurrent;
using System.Net;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// DNS-rebinding protection for upstreams registered by host name. The first resolution of a name fixes the scope
/// its addresses may be in (public, private or loopback); a later answer in another scope, an answer mixing scopes, or
/// any link-local, multicast or unspecified address is refused. The connection then goes to the addresses checked,
/// never to a second lookup. An upstream registered by IP address is the operator's explicit choice and is not
/// subject to this.
/// </summary>
internal sealed class HostAddressPins
{
    private readonly ConcurrentDictionary<string, AddressScope> _scopes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the addresses that may be connected to, or throws <see cref="UpstreamRefusedException"/>.</summary>
    public IPAddress[] Check(string host, IPAddress[] addresses)
    {
        if (addresses.Length == 0)
        {
            throw new UpstreamRefusedException($"host {host} resolved to no address");
        }

        var scopes = addresses.Select(AddressScopes.Of).Distinct().ToArray();
        if (scopes.Contains(AddressScope.Forbidden))
        {
            throw new UpstreamRefusedException($"host {host} resolved to a link-local, multicast or unspecified address, which Airlock never connects to by name");
        }

        if (scopes.Length > 1)
        {
            throw new UpstreamRefusedException($"host {host} resolved to addresses in different scopes ({string.Join(", ", scopes)})");
        }

        var pinned = _scopes.GetOrAdd(host, scopes[0]);
        if (pinned != scopes[0])
        {
            throw new UpstreamRefusedException($"host {host} resolved to a {scopes[0]} address after resolving to {pinned} ones: refused as possible DNS rebinding");
        }

        return addresses;
    }
}
