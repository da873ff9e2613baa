namespace Airlock.Core.Budgets;

/// <summary>
/// A call's worst case, held against every subject's current window, day and month until it is settled. Settle it
/// exactly once with <see cref="BudgetLedger.SettleAsync"/>; a second settlement changes nothing.
/// </summary>
public sealed record BudgetReservation(string Id, IReadOnlyList<BudgetSubject> Subjects, BudgetCharge WorstCase, DateTimeOffset CreatedAt);
