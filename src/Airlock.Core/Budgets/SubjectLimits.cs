namespace Airlock.Core.Budgets;

/// <summary>The limits set for one subject (or, with id <c>*</c>, for every subject of a scope) and when they were last set.</summary>
public sealed record SubjectLimits(BudgetSubject Subject, BudgetLimits Limits, DateTimeOffset UpdatedAt);
