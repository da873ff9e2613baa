namespace Airlock.Core.Budgets;

/// <summary>The periods usage is counted in: the request and token window, the UTC day and the UTC month.</summary>
public enum BudgetPeriodKind
{
    Window,
    Day,
    Month,
}
