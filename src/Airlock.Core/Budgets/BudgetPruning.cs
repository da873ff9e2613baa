namespace Airlock.Core.Budgets;

/// <summary>What <see cref="Storage.IBudgetStore.PruneAsync"/> may delete: periods that ended, and settled reservations, before these instants.</summary>
public sealed record BudgetPruning(DateTimeOffset WindowsEndedBefore, DateTimeOffset DaysEndedBefore, DateTimeOffset MonthsEndedBefore, DateTimeOffset SettledBefore);
