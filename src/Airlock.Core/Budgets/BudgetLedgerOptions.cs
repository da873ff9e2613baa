namespace Airlock.Core.Budgets;

/// <summary>How long the ledger lets things be, with the defaults a single gateway runs with.</summary>
public sealed class BudgetLedgerOptions
{
    /// <summary>
    /// A reservation still open this long is settled at its worst case by <see cref="BudgetLedger.SweepAsync"/>, so a
    /// caller that never settles cannot hold budget for ever. Its caller may still settle it later, which corrects the
    /// charge to the actual. Default: 1 hour, far longer than any model call.
    /// </summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Request and token windows are kept this long after they end. Default: 1 day.</summary>
    public TimeSpan WindowRetention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Daily spend is kept this long after the day ends. Default: 35 days.</summary>
    public TimeSpan DayRetention { get; init; } = TimeSpan.FromDays(35);

    /// <summary>Monthly spend is kept this long after the month ends. Default: 400 days.</summary>
    public TimeSpan MonthRetention { get; init; } = TimeSpan.FromDays(400);

    /// <summary>Settled reservations are kept this long, so a late settlement by its caller can still correct a recovered one. Default: 1 day.</summary>
    public TimeSpan SettledRetention { get; init; } = TimeSpan.FromDays(1);
}
