namespace Airlock.Core.Budgets;

/// <summary>Why a reservation was refused.</summary>
public enum BudgetRefusalReason
{
    /// <summary>The limit's current period has too little left; the same call fits once the period ends.</summary>
    Exhausted,

    /// <summary>The call's worst case alone is over the limit: it would not fit even in an empty period.</summary>
    ExceedsLimit,
}
