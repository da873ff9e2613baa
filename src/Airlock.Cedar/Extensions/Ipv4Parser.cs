namespace Airlock.Cedar.Extensions;

/// <summary>Strict dotted-quad IPv4 parsing, as Rust's standard library accepts it.</summary>
internal static class Ipv4Parser
{
    /// <summary>Parses exactly four decimal octets (0-255, one to three digits, no leading zeros) separated by dots.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var i = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }

            var start = i;
            var value = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                value = (value * 10) + (text[i] - '0');
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }

            var digits = i - start;

            // Leading zeros are refused so that nothing can be read as octal.
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
        }

        return i == text.Length;
    }

    /// <summary>Formats an IPv4 address as a dotted quad.</summary>
    public static string Format(uint address) =>
        string.Join('.', address >> 24, (address >> 16) & 0xFF, (address >> 8) & 0xFF, address & 0xFF);
}
