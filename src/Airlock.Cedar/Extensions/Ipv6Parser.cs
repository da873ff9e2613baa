using System.Globalization;
using System.Text;

namespace Airlock.Cedar.Extensions;

/// <summary>IPv6 parsing and formatting with the rules of Rust's standard library (minus embedded IPv4, which Cedar rejects earlier).</summary>
internal static class Ipv6Parser
{
    /// <summary>Parses up to eight groups of one to four hex digits, with at most one <c>::</c> standing for at least one zero group.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = 0;
        Span<ushort> groups = stackalloc ushort[8];
        var pos = 0;
        var head = ReadGroups(text, ref pos, groups);
        if (head == 8)
        {
            return Assemble(groups, text.Length == pos, out address);
        }

        if (pos + 1 >= text.Length || text[pos] != ':' || text[pos + 1] != ':')
        {
            return false;
        }

        pos += 2;

        // "::" stands for at least one zero group, so the tail may hold at most 7 - head groups.
        Span<ushort> tail = stackalloc ushort[7 - head];
        var tailCount = ReadGroups(text, ref pos, tail);
        tail[..tailCount].CopyTo(groups[(8 - tailCount)..]);
        return Assemble(groups, text.Length == pos, out address);
    }

    /// <summary>Formats an address in RFC 5952 style as Rust prints it (IPv4-mapped addresses in dotted form).</summary>
    public static string Format(UInt128 address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ushort)(address >> (112 - (16 * i)));
        }

        if (address >> 32 == 0xFFFF)
        {
            return "::ffff:" + Ipv4Parser.Format((uint)address);
        }

        // Longest run of zero groups, the first one on ties; a single zero group is not compressed.
        int bestStart = 0, bestLength = 0, runStart = 0, runLength = 0;
        for (var i = 0; i < 8; i++)
        {
            runStart = runLength == 0 ? i : runStart;
            runLength = groups[i] == 0 ? runLength + 1 : 0;
            if (runLength > bestLength)
            {
                (bestStart, bestLength) = (runStart, runLength);
            }
        }

        var sb = new StringBuilder(39);
        if (bestLength > 1)
        {
            AppendGroups(sb, groups[..bestStart]);
            sb.Append("::");
            AppendGroups(sb, groups[(bestStart + bestLength)..]);
        }
        else
        {
            AppendGroups(sb, groups);
        }

        return sb.ToString();
    }

    private static void AppendGroups(StringBuilder sb, ReadOnlySpan<ushort> groups)
    {
        for (var i = 0; i < groups.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(':');
            }

            sb.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }
    }

    // Reads colon-separated groups into slots; a group that fails to parse (and its colon) is left unread.
    private static int ReadGroups(ReadOnlySpan<char> text, ref int pos, Span<ushort> slots)
    {
        var count = 0;
        while (count < slots.Length)
        {
            var p = pos;
            if (count > 0)
            {
                if (p >= text.Length || text[p] != ':')
                {
                    break;
                }

                p++;
            }

            if (!TryReadHexGroup(text, ref p, out slots[count]))
            {
                break;
            }

            pos = p;
            count++;
        }

        return count;
    }

    private static bool TryReadHexGroup(ReadOnlySpan<char> text, ref int pos, out ushort group)
    {
        var value = 0;
        var i = pos;
        while (i < text.Length && char.IsAsciiHexDigit(text[i]))
        {
            value = (value << 4) | HexValue(text[i]);
            i++;
        }

        group = (ushort)value;
        var digits = i - pos;
        if (digits is 0 or > 4)
        {
            return false;
        }

        pos = i;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool Assemble(ReadOnlySpan<ushort> groups, bool consumedAll, out UInt128 address)
    {
        address = 0;
        foreach (var g in groups)
        {
            address = (address << 16) | g;
        }

        return consumedAll;
    }
}
