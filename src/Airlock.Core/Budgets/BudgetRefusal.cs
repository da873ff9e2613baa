using System.Globalization;

namespace Airlock.Core.Budgets;

/// <summary>
/// Why a call was not reserved: which subject's limit (<see cref="FromDefault"/> when it is the scope's default), what
/// the limit is, what was used and reserved in the period, and what the call asked for. <see cref="RetryAfter"/> is the
/// time until the period ends, or null when the call can never fit (<see cref="BudgetRefusalReason.ExceedsLimit"/>).
/// </summary>
public sealed record BudgetRefusal(
    BudgetSubject Subject,
    BudgetLimitKind Kind,
    BudgetRefusalReason Reason,
    long Limit,
    long Used,
    long Reserved,
    long Requested,
    BudgetPeriod Period,
    bool FromDefault,
    TimeSpan? RetryAfter)
{
    /// <summary><see cref="RetryAfter"/> rounded up to whole seconds, at least 1, for a <c>Retry-After</c> header; null when it is null.</summary>
    public long? RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)) : null;

    /// <summary>
    /// What was refused and what the caller may do, in words a model can act on; lowercase, no trailing period.
    /// Names only the subject, the limit and the amounts.
    /// </summary>
    public string Describe()
    {
        var whose = FromDefault ? $"the {Subject} (by the default for every {Subject.ScopeName})" : $"the {Subject}";
        var limit = $"{Amount(Limit)} {Unit} {Per}";
        return Reason == BudgetRefusalReason.ExceedsLimit
            ? $"this call alone may use up to {Amount(Requested)} {Unit}, more than the {limit} allowed to {whose}; ask for less (for a model, lower max_tokens)"
            : $"the budget of {whose} is spent: it allows {limit}, {Amount(Used)} used and {Amount(Reserved)} reserved by calls in flight, " +
              $"and this call needs up to {Amount(Requested)}; retry after {RetryAfterSeconds} s, when the {PeriodName} ends";
    }

    private string Unit => Kind switch
    {
        BudgetLimitKind.Requests => "requests",
        BudgetLimitKind.Tokens => "tokens",
        _ => "USD",
    };

    private string Per => Kind switch
    {
        BudgetLimitKind.UsdPerDay => "per UTC day",
        BudgetLimitKind.UsdPerMonth => "per UTC month",
        _ => $"per {(long)(Period.End - Period.Start).TotalSeconds}-second window",
    };

    private string PeriodName => Kind switch
    {
        BudgetLimitKind.UsdPerDay => "day",
        BudgetLimitKind.UsdPerMonth => "month",
        _ => "window",
    };

    private string Amount(long value) => Kind is BudgetLimitKind.UsdPerDay or BudgetLimitKind.UsdPerMonth
        ? UsdMicros.Format(value)
        : value.ToString(CultureInfo.InvariantCulture);
}
