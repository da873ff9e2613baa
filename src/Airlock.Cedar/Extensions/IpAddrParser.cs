using System.Globalization;
using System.Text;

namespace Airlock.Cedar.Extensions;

/// <summary>
/// Parses Cedar IP literals: an IPv4 dotted quad or an IPv6 address (with <c>::</c> compression, no embedded
/// IPv4, no zone id, no brackets), optionally followed by <c>/prefix</c>.
/// </summary>
internal static class IpAddrParser
{
    // Longest meaningful text: eight four-digit groups, seven colons and "/128"; measured in UTF-8 bytes.
    private const int MaxLength = 43;

    /// <summary>Parses <paramref name="text"/> into an address (IPv4 in the low 32 bits) and a prefix length.</summary>
    public static IpAddrParseStatus Parse(ReadOnlySpan<char> text, out UInt128 address, out bool isV6, out int prefix)
    {
        address = 0;
        isV6 = false;
        prefix = 0;
        if (Utf8Length(text) > MaxLength)
        {
            return IpAddrParseStatus.TooLong;
        }

        // The reference refuses any text mixing at least two colons with at least two dots, which
        // rules out IPv4-mapped and IPv4-compatible IPv6 written in dotted form.
        if (text.Count(':') >= 2 && text.Count('.') >= 2)
        {
            return IpAddrParseStatus.EmbeddedIpv4;
        }

        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (Ipv4Parser.TryParse(addressText, out var v4))
        {
            address = v4;
        }
        else if (Ipv6Parser.TryParse(addressText, out address))
        {
            isV6 = true;
        }
        else
        {
            return slash < 0 ? IpAddrParseStatus.InvalidAddress : IpAddrParseStatus.InvalidAddressBeforePrefix;
        }

        if (slash < 0)
        {
            prefix = isV6 ? 128 : 32;
            return IpAddrParseStatus.Ok;
        }

        return ParsePrefix(text[(slash + 1)..], isV6 ? 128 : 32, isV6 ? 3 : 2, out prefix);
    }

    /// <summary>The reference's message for a rejected literal.</summary>
    public static string Describe(IpAddrParseStatus status, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefixText = slash < 0 ? string.Empty : text[(slash + 1)..];
        return status switch
        {
            IpAddrParseStatus.TooLong => "error parsing IP address from string `" + text + "`: string length is too large",
            IpAddrParseStatus.EmbeddedIpv4 =>
                "error parsing IP address from string: We do not accept IPv4 embedded in IPv6 (e.g., ::ffff:127.0.0.1). Found: `" + text + "`",
            IpAddrParseStatus.InvalidAddressBeforePrefix =>
                "error parsing IP address from the string `" + text[..slash] + "`: invalid IP address syntax",
            IpAddrParseStatus.PrefixTooLong => string.Create(
                CultureInfo.InvariantCulture, $"error parsing prefix: string length {Utf8Length(prefixText)} is too large"),
            IpAddrParseStatus.PrefixNonDigit => "error parsing prefix `" + prefixText + "`: encountered non-digit",
            IpAddrParseStatus.PrefixLeadingZero => "error parsing prefix `" + prefixText + "`: leading zero(s)",
            IpAddrParseStatus.PrefixEmpty => "error parsing prefix from the string ``: cannot parse integer from empty string",
            IpAddrParseStatus.PrefixNotByte =>
                "error parsing prefix from the string `" + prefixText + "`: number too large to fit in target type",
            IpAddrParseStatus.PrefixAboveLimit => string.Create(
                CultureInfo.InvariantCulture,
                $"error parsing prefix: {prefixText} is larger than the limit {(text.Contains(':', StringComparison.Ordinal) ? 128 : 32)}"),
            _ => "invalid IP address: " + text,
        };
    }

    private static IpAddrParseStatus ParsePrefix(ReadOnlySpan<char> text, int max, int maxLength, out int prefix)
    {
        prefix = 0;
        if (Utf8Length(text) > maxLength)
        {
            return IpAddrParseStatus.PrefixTooLong;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return IpAddrParseStatus.PrefixNonDigit;
            }

            prefix = (prefix * 10) + (c - '0');
        }

        if (text.Length > 1 && text[0] == '0')
        {
            return IpAddrParseStatus.PrefixLeadingZero;
        }

        // The reference reads the prefix as an unsigned byte before comparing it with the limit.
        return text.IsEmpty ? IpAddrParseStatus.PrefixEmpty
            : prefix > byte.MaxValue ? IpAddrParseStatus.PrefixNotByte
            : prefix > max ? IpAddrParseStatus.PrefixAboveLimit
            : IpAddrParseStatus.Ok;
    }

    // Non-ASCII text is never a valid address, so the exact byte count only matters for choosing the message.
    private static int Utf8Length(ReadOnlySpan<char> text) =>
        Ascii.IsValid(text) ? text.Length : Encoding.UTF8.GetByteCount(text);
}
