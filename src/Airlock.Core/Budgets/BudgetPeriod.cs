namespace Airlock.Core.Budgets;

/// <summary>
/// One counting period, [<see cref="Start"/>, <see cref="End"/>). Windows are fixed and aligned to the Unix epoch, so
/// every node computes the same window for the same instant without sharing any state; days and months are UTC
/// calendar days and months.
/// </summary>
public sealed record BudgetPeriod(BudgetPeriodKind Kind, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window of <paramref name="length"/> that contains <paramref name="now"/>.</summary>
    public static BudgetPeriod WindowAt(DateTimeOffset now, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, BudgetLimits.MinWindow);
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var index = sinceEpoch / length.Ticks;
        if (sinceEpoch % length.Ticks < 0)
        {
            index--; // floor division, so instants before 1970 fall in the window that contains them too
        }

        var start = DateTimeOffset.UnixEpoch.AddTicks(index * length.Ticks);
        return new(BudgetPeriodKind.Window, start, start + length);
    }

    /// <summary>The UTC calendar day that contains <paramref name="now"/>.</summary>
    public static BudgetPeriod DayAt(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new(BudgetPeriodKind.Day, start, start.AddDays(1));
    }

    /// <summary>The UTC calendar month that contains <paramref name="now"/>.</summary>
    public static BudgetPeriod MonthAt(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new(BudgetPeriodKind.Month, start, start.AddMonths(1));
    }

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="now"/>.</summary>
    public static BudgetPeriod At(BudgetPeriodKind kind, DateTimeOffset now, TimeSpan windowLength) => kind switch
    {
        BudgetPeriodKind.Window => WindowAt(now, windowLength),
        BudgetPeriodKind.Day => DayAt(now),
        BudgetPeriodKind.Month => MonthAt(now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown period kind"),
    };

    /// <summary>The kind of period <paramref name="limit"/> is counted in.</summary>
    public static BudgetPeriodKind KindOf(BudgetLimitKind limit) => limit switch
    {
        BudgetLimitKind.Requests or BudgetLimitKind.Tokens => BudgetPeriodKind.Window,
        BudgetLimitKind.UsdPerDay => BudgetPeriodKind.Day,
        BudgetLimitKind.UsdPerMonth => BudgetPeriodKind.Month,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "unknown limit kind"),
    };

    /// <summary>The name the store and the admin API use: <c>window</c>, <c>day</c> or <c>month</c>.</summary>
    public static string NameOf(BudgetPeriodKind kind) => kind switch
    {
        BudgetPeriodKind.Window => "window",
        BudgetPeriodKind.Day => "day",
        BudgetPeriodKind.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown period kind"),
    };
}
