namespace Airlock.Cedar.Extensions;

/// <summary>Parses Cedar duration literals such as <c>-1d2h3m4s5ms</c> without allocating.</summary>
internal static class DurationParser
{
    public const long MillisecondsPerSecond = 1_000;
    public const long MillisecondsPerMinute = 60 * MillisecondsPerSecond;
    public const long MillisecondsPerHour = 60 * MillisecondsPerMinute;
    public const long MillisecondsPerDay = 24 * MillisecondsPerHour;

    // Unit slots in the only order the syntax allows: d, h, m, s, ms.
    private const int Days = 0;
    private const int Hours = 1;
    private const int Minutes = 2;
    private const int Seconds = 3;
    private const int Millis = 4;

    /// <summary>Parses <paramref name="text"/> into a signed number of milliseconds.</summary>
    public static DurationParseStatus Parse(ReadOnlySpan<char> text, out long milliseconds)
    {
        milliseconds = 0;
        if (text.IsEmpty || text is "-")
        {
            return DurationParseStatus.InvalidPattern;
        }

        var negative = text[0] == '-';
        var i = negative ? 1 : 0;
        Span<ulong> amounts = stackalloc ulong[5];
        var tooBig = false;
        var lastUnit = -1;
        while (i < text.Length)
        {
            var start = i;
            var amount = 0UL;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                var digit = (ulong)(text[i] - '0');

                // An amount beyond u64 is an overflow, but only once the whole pattern is known to match.
                tooBig |= amount > (ulong.MaxValue - digit) / 10;
                amount = tooBig ? amount : (amount * 10) + digit;
                i++;
            }

            if (i == start || i == text.Length)
            {
                return DurationParseStatus.InvalidPattern;
            }

            int unit;
            switch (text[i])
            {
                case 'd': unit = Days; i++; break;
                case 'h': unit = Hours; i++; break;
                case 's': unit = Seconds; i++; break;
                case 'm' when i + 1 < text.Length && text[i + 1] == 's': unit = Millis; i += 2; break;
                case 'm': unit = Minutes; i++; break;
                default: return DurationParseStatus.InvalidPattern;
            }

            // Each unit at most once and in decreasing size.
            if (unit <= lastUnit)
            {
                return DurationParseStatus.InvalidPattern;
            }

            lastUnit = unit;
            amounts[unit] = amount;
        }

        return tooBig ? DurationParseStatus.Overflow : Combine(amounts, negative, out milliseconds);
    }

    /// <summary>The reference's message for a rejected literal.</summary>
    public static string Describe(DurationParseStatus status) =>
        status == DurationParseStatus.Overflow ? "Duration overflows internal representation" : "invalid duration pattern";

    private static DurationParseStatus Combine(ReadOnlySpan<ulong> amounts, bool negative, out long total)
    {
        // The milliseconds term alone may reach i64::MIN when negative.
        var ms = amounts[Millis];
        total = 0;
        if (ms > (negative ? 1UL << 63 : long.MaxValue))
        {
            return DurationParseStatus.Overflow;
        }

        total = unchecked(negative ? (long)(0UL - ms) : (long)ms);
        return Accumulate(ref total, amounts[Seconds], MillisecondsPerSecond, negative)
            && Accumulate(ref total, amounts[Minutes], MillisecondsPerMinute, negative)
            && Accumulate(ref total, amounts[Hours], MillisecondsPerHour, negative)
            && Accumulate(ref total, amounts[Days], MillisecondsPerDay, negative)
            ? DurationParseStatus.Ok
            : DurationParseStatus.Overflow;
    }

    private static bool Accumulate(ref long total, ulong amount, long unit, bool negative)
    {
        if (amount > (ulong)(long.MaxValue / unit))
        {
            return false;
        }

        var product = (long)amount * unit;
        if (negative ? total < long.MinValue + product : total > long.MaxValue - product)
        {
            return false;
        }

        total = negative ? total - product : total + product;
        return true;
    }
}
