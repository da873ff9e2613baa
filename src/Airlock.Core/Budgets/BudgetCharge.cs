namespace Airlock.Core.Budgets;

/// <summary>What a call costs (or may cost at worst): requests, tokens and money in micro-USD (1 USD = 1,000,000).</summary>
public sealed record BudgetCharge(long Requests, long Tokens, long UsdMicros)
{
    /// <summary>The largest amount of any kind one charge may carry: 10¹⁵ (a billion USD in micro-USD).</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    public static readonly BudgetCharge Zero = new(0, 0, 0);

    /// <summary>The amount counted against <paramref name="kind"/>: requests, tokens, or money for both money kinds.</summary>
    public long AmountFor(BudgetLimitKind kind) => kind switch
    {
        BudgetLimitKind.Requests => Requests,
        BudgetLimitKind.Tokens => Tokens,
        BudgetLimitKind.UsdPerDay or BudgetLimitKind.UsdPerMonth => UsdMicros,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown limit kind"),
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a negative amount or one over <see cref="MaxAmount"/>.</summary>
    public void ThrowIfInvalid(string paramName)
    {
        if (Requests is < 0 or > MaxAmount || Tokens is < 0 or > MaxAmount || UsdMicros is < 0 or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, this, $"every amount of a charge must be between 0 and {MaxAmount}");
        }
    }
}
