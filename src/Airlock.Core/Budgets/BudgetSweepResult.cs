namespace Airlock.Core.Budgets;

/// <summary>What one <see cref="BudgetLedger.SweepAsync"/> did: abandoned reservations settled at their worst case, and rows pruned.</summary>
public sealed record BudgetSweepResult(int Recovered, int Pruned);
