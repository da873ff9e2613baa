namespace Airlock.Core.Budgets;

/// <summary>
/// A subject's budget now: the limits in force (its own, or its scope's default, or none) and its usage in the current
/// window, UTC day and UTC month. Usage is recorded for every subject a call is charged to, limits or not, so spend is
/// always visible.
/// </summary>
public sealed record BudgetUsage(BudgetSubject Subject, SubjectLimits? Limits, BudgetPeriodUsage Window, BudgetPeriodUsage Day, BudgetPeriodUsage Month)
{
    /// <summary>One line per kind of limit, in the order requests, tokens, USD per day, USD per month.</summary>
    public IReadOnlyList<BudgetLimitUsage> ByKind =>
    [
        Line(BudgetLimitKind.Requests, Window),
        Line(BudgetLimitKind.Tokens, Window),
        Line(BudgetLimitKind.UsdPerDay, Day),
        Line(BudgetLimitKind.UsdPerMonth, Month),
    ];

    private BudgetLimitUsage Line(BudgetLimitKind kind, BudgetPeriodUsage usage) =>
        new(kind, Limits?.Limits.LimitOf(kind), usage.Used.AmountFor(kind), usage.Reserved.AmountFor(kind), usage.Period);
}
