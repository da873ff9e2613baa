namespace Airlock.Core.Budgets;

/// <summary>One kind of limit of one subject now: its limit (null when none), what is used and reserved in its current period.</summary>
public sealed record BudgetLimitUsage(BudgetLimitKind Kind, long? Limit, long Used, long Reserved, BudgetPeriod Period)
{
    /// <summary>What is left for new calls, never below zero; null when there is no limit.</summary>
    public long? Remaining => Limit is { } limit ? (long)Int128.Max(0, (Int128)limit - Used - Reserved) : null;
}
