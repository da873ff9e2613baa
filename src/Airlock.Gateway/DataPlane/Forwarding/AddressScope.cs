using System.Net;
using System.Net.Sockets;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>Where an upstream address leads, as far as DNS-rebinding protection cares.</summary>
internal enum AddressScope
{
    Loopback,

    /// <summary>RFC 1918, shared address space (RFC 6598) and IPv6 unique local addresses.</summary>
    Private,

    Public,

    /// <summary>Link-local (cloud metadata lives at 169.254.169.254), unspecified, multicast, broadcast: never reached through a host name.</summary>
    Forbidden,
}

internal static class AddressScopes
{
    public static AddressScope Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return AddressScope.Loopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b switch
            {
                [0, ..] or [169, 254, ..] or [>= 224, ..] => AddressScope.Forbidden,
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] or [100, >= 64 and <= 127, ..] => AddressScope.Private,
                _ => AddressScope.Public,
            };
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None) || address.IsIPv6SiteLocal)
        {
            return AddressScope.Forbidden;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        return (v6[0] & 0xFE) == 0xFC ? AddressScope.Private : AddressScope.Public;
    }
}
