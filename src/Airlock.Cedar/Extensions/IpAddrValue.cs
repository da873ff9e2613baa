using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>
/// A Cedar <c>ipaddr</c>: an IPv4 or IPv6 address with a prefix length. Host bits are kept, so
/// <c>ip("10.0.0.1/24")</c> and <c>ip("10.0.0.0/24")</c> are different values.
/// </summary>
[SuppressMessage("Design", "CA1036", Justification = "Value seals Equals(object) and already defines == and != as Cedar equality.")]
public sealed class IpAddrValue : ExtensionValue, IComparable<IpAddrValue>
{
    // The constructor argument as written; the reference displays a value as the call that made it.
    private readonly string? source;

    private IpAddrValue(UInt128 address, bool isIpv6, int prefixLength, string? source)
    {
        Address = address;
        IsIpv6 = isIpv6;
        PrefixLength = prefixLength;
        this.source = source;
    }

    /// <summary>The address bits as written (host bits included); an IPv4 address occupies the low 32 bits.</summary>
    public UInt128 Address { get; }

    /// <summary>The CIDR prefix length: 32 or 128 for a single address.</summary>
    public int PrefixLength { get; }

    /// <summary>Cedar <c>isIpv6()</c>.</summary>
    public bool IsIpv6 { get; }

    /// <summary>Cedar <c>isIpv4()</c>.</summary>
    public bool IsIpv4 => !IsIpv6;

    /// <summary>Cedar <c>isLoopback()</c>: the address is loopback and the whole range stays inside 127.0.0.0/8 or ::1/128.</summary>
    public bool IsLoopback => IsIpv6 ? Address == 1 && PrefixLength >= 128 : Address >> 24 == 127 && PrefixLength >= 8;

    /// <summary>Cedar <c>isMulticast()</c>: the address is multicast and the whole range stays inside 224.0.0.0/4 or ff00::/8.</summary>
    public bool IsMulticast => IsIpv6
        ? Address >> 120 == 0xFF && PrefixLength >= 8
        : (Address >> 28) == 0xE && PrefixLength >= 4;

    public override string TypeName => ExtensionTypeNames.IpAddr;

    /// <summary>Parses an IP literal with the reference's rules; false for any malformed text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IpAddrValue? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IpAddrParser.Parse(text, out var address, out var v6, out var prefix) == IpAddrParseStatus.Ok)
        {
            value = new IpAddrValue(address, v6, prefix, text);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Parses an IP literal, throwing the reference's evaluation error when it is invalid.</summary>
    public static IpAddrValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = IpAddrParser.Parse(text, out var address, out var v6, out var prefix);
        return status == IpAddrParseStatus.Ok
            ? new IpAddrValue(address, v6, prefix, text)
            : throw ExtensionErrors.Failed(ExtensionTypeNames.IpAddr, IpAddrParser.Describe(status, text));
    }

    /// <summary>Cedar <c>isInRange(range)</c>: this whole range lies inside <paramref name="range"/>; false across IPv4 and IPv6.</summary>
    public bool IsInRange(IpAddrValue range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (IsIpv6 != range.IsIpv6)
        {
            return false;
        }

        var width = IsIpv6 ? 128 : 32;
        return Network(range.Address, range.PrefixLength, width) <= Network(Address, PrefixLength, width)
            && Broadcast(Address, PrefixLength, width) <= Broadcast(range.Address, range.PrefixLength, width);
    }

    /// <summary>Orders IPv4 before IPv6, then by address, then by prefix length (the reference's ordering).</summary>
    public int CompareTo(IpAddrValue? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = IsIpv6.CompareTo(other.IsIpv6);
        c = c != 0 ? c : Address.CompareTo(other.Address);
        return c != 0 ? c : PrefixLength.CompareTo(other.PrefixLength);
    }

    public override bool Equals(Value? other) =>
        other is IpAddrValue ip && ip.Address == Address && ip.PrefixLength == PrefixLength && ip.IsIpv6 == IsIpv6;

    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength, IsIpv6);

    /// <summary>Renders the constructor call as the reference displays it, keeping the original argument text.</summary>
    public override string ToString() => source is null ? ToCanonicalString() : "ip(" + CedarString.Quote(source) + ")";

    /// <summary>Renders the normalised constructor call, for example <c>ip("10.0.0.1/32")</c> or <c>ip("ffee::/64")</c>.</summary>
    public string ToCanonicalString()
    {
        var address = IsIpv6 ? Ipv6Parser.Format(Address) : Ipv4Parser.Format((uint)Address);
        return "ip(" + CedarString.Quote(address + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture)) + ")";
    }

    public static bool operator <(IpAddrValue left, IpAddrValue right) => left.CompareTo(right) < 0;

    public static bool operator <=(IpAddrValue left, IpAddrValue right) => left.CompareTo(right) <= 0;

    public static bool operator >(IpAddrValue left, IpAddrValue right) => left.CompareTo(right) > 0;

    public static bool operator >=(IpAddrValue left, IpAddrValue right) => left.CompareTo(right) >= 0;

    // All-ones in the host part. A full prefix is handled apart because C# shift counts wrap at 128.
    private static UInt128 HostMask(int prefix, int width) =>
        prefix >= width ? UInt128.Zero : UInt128.MaxValue >> (128 - width + prefix);

    private static UInt128 Network(UInt128 address, int prefix, int width) => address & ~HostMask(prefix, width);

    private static UInt128 Broadcast(UInt128 address, int prefix, int width) => address | HostMask(prefix, width);
}
