using Airlock.Cedar.Values;
using T = Airlock.Cedar.Extensions.ExtensionTypeNames;

namespace Airlock.Cedar.Extensions;

/// <summary>The <c>ipaddr</c> extension: the <c>ip</c> constructor and its five methods.</summary>
internal static class IpAddrFunctions
{
    public static ExtensionFunction[] Create() =>
    [
        new("ip", ExtensionCallStyle.Function, T.IpAddr, [T.String],
            static args => IpAddrValue.Parse(ExtensionArguments.String(args[0])),
            static text => IpAddrValue.TryParse(text, out _)),
        new("isIpv4", ExtensionCallStyle.Method, T.Bool, [T.IpAddr],
            static args => BoolValue.Of(ExtensionArguments.IpAddr(args[0]).IsIpv4)),
        new("isIpv6", ExtensionCallStyle.Method, T.Bool, [T.IpAddr],
            static args => BoolValue.Of(ExtensionArguments.IpAddr(args[0]).IsIpv6)),
        new("isLoopback", ExtensionCallStyle.Method, T.Bool, [T.IpAddr],
            static args => BoolValue.Of(ExtensionArguments.IpAddr(args[0]).IsLoopback)),
        new("isMulticast", ExtensionCallStyle.Method, T.Bool, [T.IpAddr],
            static args => BoolValue.Of(ExtensionArguments.IpAddr(args[0]).IsMulticast)),

        // Two arguments exactly: the variadic form is behind an experimental flag in the reference.
        new("isInRange", ExtensionCallStyle.Method, T.Bool, [T.IpAddr, T.IpAddr], static args =>
        {
            var address = ExtensionArguments.IpAddr(args[0]);
            return BoolValue.Of(address.IsInRange(ExtensionArguments.IpAddr(args[1])));
        }),
    ];
}
