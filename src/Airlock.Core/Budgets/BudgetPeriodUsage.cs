namespace Airlock.Core.Budgets;

/// <summary>
/// What a subject has used in one period (settled calls, at their actual cost) and what is reserved in it (calls in
/// flight, at their worst case).
/// </summary>
public sealed record BudgetPeriodUsage(BudgetPeriod Period, BudgetCharge Used, BudgetCharge Reserved)
{
    public static BudgetPeriodUsage Empty(BudgetPeriod period) => new(period, BudgetCharge.Zero, BudgetCharge.Zero);
}
