namespace Airlock.Core.Budgets;

/// <summary>
/// What a subject may use. Requests and tokens are counted in fixed windows of <see cref="Window"/> aligned to the
/// Unix epoch; money per UTC calendar day and UTC calendar month, in micro-USD. A null limit means no limit of that
/// kind; zero means none at all.
/// </summary>
public sealed record BudgetLimits
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>The largest limit of any kind: 10¹⁵ (a billion USD in micro-USD, or that many requests or tokens).</summary>
    public const long MaxLimit = BudgetCharge.MaxAmount;

    public long? RequestsPerWindow { get; init; }

    public long? TokensPerWindow { get; init; }

    /// <summary>The length of the request and token windows: whole seconds, 1 second to 1 day. Default 1 minute.</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    public long? UsdMicrosPerDay { get; init; }

    public long? UsdMicrosPerMonth { get; init; }

    /// <summary>The limit of <paramref name="kind"/>, or null when there is none.</summary>
    public long? LimitOf(BudgetLimitKind kind) => kind switch
    {
        BudgetLimitKind.Requests => RequestsPerWindow,
        BudgetLimitKind.Tokens => TokensPerWindow,
        BudgetLimitKind.UsdPerDay => UsdMicrosPerDay,
        BudgetLimitKind.UsdPerMonth => UsdMicrosPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown limit kind"),
    };

    /// <summary>
    /// Every problem at once, each naming the admin API field at fault (<c>requests_per_window</c>,
    /// <c>tokens_per_window</c>, <c>window_seconds</c>, <c>usd_per_day</c>, <c>usd_per_month</c>, or <c>limits</c> when
    /// none is set); empty when the limits are valid.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        CheckCount(RequestsPerWindow, "requests_per_window", errors);
        CheckCount(TokensPerWindow, "tokens_per_window", errors);
        CheckMoney(UsdMicrosPerDay, "usd_per_day", errors);
        CheckMoney(UsdMicrosPerMonth, "usd_per_month", errors);
        if (Window < MinWindow || Window > MaxWindow || Window.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add(new("window_seconds", "must be a whole number of seconds from 1 to 86400 (one day)"));
        }

        if (RequestsPerWindow is null && TokensPerWindow is null && UsdMicrosPerDay is null && UsdMicrosPerMonth is null)
        {
            errors.Add(new("limits", "set none: give at least one of requests_per_window, tokens_per_window, usd_per_day, usd_per_month (to remove a budget, delete it)"));
        }

        return errors;
    }

    private static void CheckCount(long? value, string field, List<FieldError> errors)
    {
        if (value is < 0 or > MaxLimit)
        {
            errors.Add(new(field, $"must be between 0 and {MaxLimit}"));
        }
    }

    private static void CheckMoney(long? micros, string field, List<FieldError> errors)
    {
        if (micros is < 0 or > MaxLimit)
        {
            errors.Add(new(field, $"must be between 0 and {MaxLimit / UsdMicros.PerUsd} USD"));
        }
    }
}
