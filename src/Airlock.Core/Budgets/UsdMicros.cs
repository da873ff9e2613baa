using System.Globalization;

namespace Airlock.Core.Budgets;

/// <summary>
/// Money is integer micro-USD everywhere Airlock counts it, so sums are exact; decimal US dollars appear only at the
/// edges (the admin API, the command line, messages), converted exactly or refused.
/// </summary>
public static class UsdMicros
{
    public const long PerUsd = 1_000_000;

    /// <summary>
    /// Converts <paramref name="usd"/> to micro-USD exactly; false when it is negative, has a nonzero digit past the
    /// sixth decimal, or is over <paramref name="maxMicros"/>.
    /// </summary>
    public static bool TryFromUsd(decimal usd, long maxMicros, out long micros)
    {
        micros = 0;
        if (usd < 0 || usd > (decimal)maxMicros / PerUsd)
        {
            return false;
        }

        var scaled = usd * PerUsd;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        micros = (long)scaled;
        return true;
    }

    /// <summary>The dollar amount of <paramref name="micros"/>, exactly, with no trailing zeros past the point.</summary>
    public static decimal ToUsd(long micros) => decimal.Divide(micros, PerUsd) / 1.000000000000000000000000000m;

    /// <summary>Shows <paramref name="micros"/> as dollars with six decimals, e.g. <c>1.250000</c>.</summary>
    public static string Format(long micros) =>
        (decimal.Divide(micros, PerUsd)).ToString("0.000000", CultureInfo.InvariantCulture);
}
