namespace Airlock.Cedar.Extensions;

/// <summary>
/// Parses Cedar datetime literals (<c>YYYY-MM-DD</c>, optionally followed by <c>Thh:mm:ss</c>,
/// optional <c>.SSS</c> and then <c>Z</c> or <c>+hhmm</c>/<c>-hhmm</c>) into milliseconds since the Unix epoch.
/// </summary>
internal static class DatetimeParser
{
    private const int DateLength = 10;
    private const int DateTimeLength = 19;

    // Days from 0000-01-01 (proleptic Gregorian, year 0 is a leap year) to 1970-01-01.
    private const long DaysBeforeEpoch = 719_528;

    private static ReadOnlySpan<int> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>Parses <paramref name="text"/>; syntax is checked before the calendar and offset ranges, as in the reference.</summary>
    public static DatetimeParseStatus Parse(ReadOnlySpan<char> text, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (text.Length < DateLength || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return DatetimeParseStatus.InvalidDatePattern;
        }

        if (text.Length == DateLength)
        {
            if (!IsValidDate(year, month, day))
            {
                return DatetimeParseStatus.InvalidDate;
            }

            epochMilliseconds = DaysSinceEpoch(year, month, day) * DurationParser.MillisecondsPerDay;
            return DatetimeParseStatus.Ok;
        }

        if (text.Length < DateTimeLength || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return DatetimeParseStatus.InvalidTimePattern;
        }

        var p = DateTimeLength;
        var millis = 0;
        if (p < text.Length && text[p] == '.')
        {
            if (!TryDigits(text, p + 1, 3, out millis))
            {
                return DatetimeParseStatus.InvalidMillisecondsOrOffsetPattern;
            }

            p += 4;
        }

        var offsetSign = 0;
        int offsetHours = 0, offsetMinutes = 0;
        if (p + 1 == text.Length && text[p] == 'Z')
        {
            // UTC: no offset.
        }
        else if (p + 5 == text.Length && (text[p] == '+' || text[p] == '-')
            && TryDigits(text, p + 1, 2, out offsetHours) && TryDigits(text, p + 3, 2, out offsetMinutes))
        {
            offsetSign = text[p] == '+' ? 1 : -1;
        }
        else
        {
            return DatetimeParseStatus.InvalidMillisecondsOrOffsetPattern;
        }

        if (!IsValidDate(year, month, day))
        {
            return DatetimeParseStatus.InvalidDate;
        }

        // No leap seconds: a three-digit fraction can never reach the second after :59.
        if (hour >= 24 || minute >= 60 || second >= 60)
        {
            return DatetimeParseStatus.InvalidTime;
        }

        if (offsetHours >= 24 || offsetMinutes >= 60)
        {
            return DatetimeParseStatus.InvalidOffset;
        }

        // A positive offset means local time is ahead of UTC, so it is subtracted.
        var offsetMs = offsetSign * ((offsetHours * DurationParser.MillisecondsPerHour) + (offsetMinutes * DurationParser.MillisecondsPerMinute));
        epochMilliseconds = (DaysSinceEpoch(year, month, day) * DurationParser.MillisecondsPerDay)
            + (hour * DurationParser.MillisecondsPerHour)
            + (minute * DurationParser.MillisecondsPerMinute)
            + (second * DurationParser.MillisecondsPerSecond)
            + millis
            - offsetMs;
        return DatetimeParseStatus.Ok;
    }

    /// <summary>The reference's message for a rejected literal (only called after <see cref="Parse"/> failed).</summary>
    public static string Describe(DatetimeParseStatus status, string text) => status switch
    {
        DatetimeParseStatus.InvalidDatePattern => "invalid date pattern",
        DatetimeParseStatus.InvalidDate => "invalid date: " + text[..DateLength],
        DatetimeParseStatus.InvalidTimePattern => "invalid hour/minute/second pattern",
        DatetimeParseStatus.InvalidTime => "invalid hour/minute/second: " + text[11..DateTimeLength],

        // The reference prints the offset's hours and minutes as plain numbers run together.
        DatetimeParseStatus.InvalidOffset => "invalid offset range: "
            + Unpadded(text.AsSpan(text.Length - 4, 2)) + Unpadded(text.AsSpan(text.Length - 2, 2)),
        _ => "invalid millisecond and/or offset pattern",
    };

    /// <summary>Days from 1970-01-01 to the given proleptic Gregorian date (year 0 to 9999).</summary>
    public static long DaysSinceEpoch(int year, int month, int day)
    {
        var leap = IsLeapYear(year);

        // Leap years in [0, year): year 0 itself is one.
        var leapYearsBefore = year == 0 ? 0 : ((year - 1) / 4) - ((year - 1) / 100) + ((year - 1) / 400) + 1;
        var dayOfYear = DaysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
        return (365L * year) + leapYearsBefore + dayOfYear - DaysBeforeEpoch;
    }

    private static string Unpadded(ReadOnlySpan<char> twoDigits) =>
        twoDigits[0] == '0' ? twoDigits[1..].ToString() : twoDigits.ToString();

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static bool IsValidDate(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        var length = month == 12 ? 31 : DaysBeforeMonth[month] - DaysBeforeMonth[month - 1];
        return day <= length + (month == 2 && IsLeapYear(year) ? 1 : 0);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
