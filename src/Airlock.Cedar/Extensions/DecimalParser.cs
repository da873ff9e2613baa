using System.Globalization;
using System.Text;

namespace Airlock.Cedar.Extensions;

/// <summary>Parses Cedar decimal literals (<c>-?digits.digits</c>, at most four fraction digits) without allocating.</summary>
internal static class DecimalParser
{
    // The integer part is scaled by 10^4 before the fraction is added, so any magnitude
    // above floor(i64::MAX / 10^4) overflows for both signs.
    private const ulong MaxIntegerMagnitude = 922_337_203_685_477;

    private static ReadOnlySpan<long> FractionScale => [10_000, 1_000, 100, 10, 1];

    /// <summary>Parses <paramref name="text"/> into a value scaled by 10^4.</summary>
    public static DecimalParseStatus Parse(ReadOnlySpan<char> text, out long scaled)
    {
        scaled = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var i = negative ? 1 : 0;

        var intStart = i;
        var intMagnitude = 0UL;
        var intOverflow = false;
        var intUnicode = false;
        while (i < text.Length && text[i] != '.')
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (!intOverflow)
                {
                    intMagnitude = (intMagnitude * 10) + (ulong)(c - '0');
                    intOverflow = intMagnitude > MaxIntegerMagnitude;
                }

                i++;
            }
            else if (TrySkipUnicodeDigit(text, ref i, out _))
            {
                // The reference's pattern matches any Unicode digit; only the later integer
                // conversion rejects it (reported as an overflow).
                intUnicode = true;
            }
            else
            {
                return DecimalParseStatus.Malformed;
            }
        }

        if (i == intStart || i == text.Length)
        {
            return DecimalParseStatus.Malformed;
        }

        i++; // the dot
        var fracStart = i;
        var fracValue = 0L;
        var fracBytes = 0;
        var fracUnicode = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                // Only up to four digits matter; longer fractions are rejected below.
                fracValue = fracBytes < 4 ? (fracValue * 10) + (c - '0') : fracValue;
                fracBytes++;
                i++;
            }
            else if (TrySkipUnicodeDigit(text, ref i, out var utf8Length))
            {
                fracUnicode = true;
                fracBytes += utf8Length;
            }
            else
            {
                return DecimalParseStatus.Malformed;
            }
        }

        if (i == fracStart)
        {
            return DecimalParseStatus.Malformed;
        }

        if (intUnicode || intOverflow)
        {
            return DecimalParseStatus.Overflow;
        }

        // The reference counts fraction length in UTF-8 bytes.
        if (fracBytes > 4)
        {
            return DecimalParseStatus.TooManyDigits;
        }

        if (fracUnicode)
        {
            return DecimalParseStatus.Overflow;
        }

        var integer = (long)intMagnitude * 10_000;
        var fraction = fracValue * FractionScale[fracBytes];
        if (negative)
        {
            if (-integer < long.MinValue + fraction)
            {
                return DecimalParseStatus.Overflow;
            }

            scaled = -integer - fraction;
        }
        else
        {
            if (integer > long.MaxValue - fraction)
            {
                return DecimalParseStatus.Overflow;
            }

            scaled = integer + fraction;
        }

        return DecimalParseStatus.Ok;
    }

    /// <summary>The reference's message for a rejected literal.</summary>
    public static string Describe(DecimalParseStatus status, string text) => status switch
    {
        DecimalParseStatus.Malformed => "`" + text + "` is not a well-formed decimal value",
        DecimalParseStatus.TooManyDigits => "too many digits after the decimal in `" + text + "`",
        _ => "overflow when converting to decimal",
    };

    /// <summary>Formats a scaled value with exactly four fraction digits, e.g. <c>-1.2300</c>.</summary>
    public static string Format(long scaled)
    {
        // Int128 so that the magnitude of long.MinValue is representable.
        var magnitude = Int128.Abs(scaled);
        var whole = (long)(magnitude / 10_000);
        var fraction = (int)(magnitude % 10_000);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(scaled < 0 ? "-" : string.Empty)}{whole}.{fraction:D4}");
    }

    private static bool TrySkipUnicodeDigit(ReadOnlySpan<char> text, ref int index, out int utf8Length)
    {
        utf8Length = 0;
        if (text[index] < 0x80
            || Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done
            || Rune.GetUnicodeCategory(rune) != UnicodeCategory.DecimalDigitNumber)
        {
            return false;
        }

        index += consumed;
        utf8Length = rune.Utf8SequenceLength;
        return true;
    }
}
