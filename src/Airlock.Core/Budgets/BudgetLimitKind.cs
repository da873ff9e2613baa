namespace Airlock.Core.Budgets;

/// <summary>The four kinds of limit a budget may set; each is counted in its own period.</summary>
public enum BudgetLimitKind
{
    /// <summary>Requests per fixed window of <see cref="BudgetLimits.Window"/>.</summary>
    Requests,

    /// <summary>Tokens per fixed window of <see cref="BudgetLimits.Window"/>.</summary>
    Tokens,

    /// <summary>Micro-USD per UTC calendar day.</summary>
    UsdPerDay,

    /// <summary>Micro-USD per UTC calendar month.</summary>
    UsdPerMonth,
}
