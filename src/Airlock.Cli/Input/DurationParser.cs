using System.Globalization;

namespace Airlock.Cli.Input;

/// <summary>
/// Reads durations such as <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>2h30m</c> and <c>7d</c>: whole numbers, each followed by
/// one unit, units from largest to smallest and each at most once. Anything else is refused with what is wrong.
/// </summary>
internal static class DurationParser
{
    private const string Help = "write a whole number and a unit (s, m, h or d), largest unit first: 90s, 15m, 1h, 2h30m, 7d";

    // Largest first: a component's unit must come later in this list than the previous component's.
    private static readonly (char Unit, long Seconds)[] Units = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];

    /// <summary>Parses <paramref name="text"/> given to <paramref name="option"/>, or throws a <see cref="UsageException"/>.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        if (text.Length == 0)
        {
            throw Invalid(text, option, "it is empty");
        }

        long total = 0;
        var lastUnit = -1;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                throw Invalid(text, option, text[i] is '-' or '+' ? "it must not have a sign"
                    : i > 0 && text[i - 1] == 'm' && text[i] == 's' ? "`ms` is not a unit; the smallest is s (seconds)"
                    : $"expected a digit at `{text[i]}` (position {i + 1})");
            }

            var digits = text[start..i];
            if (i == text.Length)
            {
                throw Invalid(text, option, $"`{digits}` has no unit");
            }

            var unit = Array.FindIndex(Units, u => u.Unit == text[i]);
            if (unit < 0)
            {
                throw Invalid(text, option, $"`{text[i]}` (position {i + 1}) is not a unit");
            }

            if (unit <= lastUnit)
            {
                throw Invalid(text, option, unit == lastUnit
                    ? $"the unit `{text[i]}` appears twice"
                    : $"the unit `{text[i]}` comes after a smaller unit");
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count > long.MaxValue / Units[unit].Seconds
                || total > long.MaxValue - (count * Units[unit].Seconds))
            {
                throw Invalid(text, option, "it is too long");
            }

            total += count * Units[unit].Seconds;
            lastUnit = unit;
            i++;
        }

        if (total == 0)
        {
            throw Invalid(text, option, "it must be longer than zero");
        }

        // TimeSpan holds about 29 000 years; anything longer is a typo.
        return total <= TimeSpan.MaxValue.TotalSeconds / 2
            ? TimeSpan.FromSeconds(total)
            : throw Invalid(text, option, "it is too long");
    }

    /// <summary>Writes whole seconds the way <see cref="Parse"/> reads them, largest unit first: <c>90</c> → <c>1m30s</c>.</summary>
    public static string Format(long seconds)
    {
        if (seconds <= 0)
        {
            return $"{seconds}s";
        }

        var text = new System.Text.StringBuilder();
        foreach (var (unit, size) in Units)
        {
            if (seconds >= size)
            {
                text.Append(CultureInfo.InvariantCulture, $"{seconds / size}{unit}");
                seconds %= size;
            }
        }

        return text.ToString();
    }

    private static UsageException Invalid(string text, string option, string why) =>
        new($"{option}: `{text}` is not a duration: {why}", Help);
}
