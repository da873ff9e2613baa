using System.Globalization;
using Airlock.Core.Budgets;

namespace Airlock.Cli.Input;

/// <summary>Checks budget limits given on the command line the way the gateway will, so a typo changes nothing.</summary>
internal static class BudgetInput
{
    /// <summary>A request or token count: a whole number from 0 to 10¹⁵.</summary>
    public static long Count(string text, string where)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= BudgetLimits.MaxLimit)
        {
            return value;
        }

        throw new UsageException(
            $"{where}: `{AdminNames.Shown(text)}` is not a whole number from 0 to {BudgetLimits.MaxLimit}",
            "write digits only, e.g. 100 (0 allows none)");
    }

    /// <summary>US dollars: 0 to 10⁹ with at most six decimals, e.g. <c>2.50</c>.</summary>
    public static decimal Usd(string text, string where)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd)
            && UsdMicros.TryFromUsd(usd, BudgetLimits.MaxLimit, out _))
        {
            return usd;
        }

        throw new UsageException(
            $"{where}: `{AdminNames.Shown(text)}` is not an amount of US dollars from 0 to {BudgetLimits.MaxLimit / UsdMicros.PerUsd} with at most 6 decimals",
            "write dollars with a decimal point and no currency sign, e.g. 2.50 or 0.000001 (one micro-dollar)");
    }

    /// <summary>The request and token window: a duration from 1 second to 1 day.</summary>
    public static TimeSpan Window(string text, string where)
    {
        var window = DurationParser.Parse(text, where);
        return window <= BudgetLimits.MaxWindow
            ? window
            : throw new UsageException($"{where}: `{AdminNames.Shown(text)}` is longer than one day", "windows run from 1s to 1d, e.g. 1m or 1h");
    }
}
