using Airlock.Core;
using Airlock.Core.Budgets;

namespace Airlock.Gateway.Admin;

// The budget API's bodies (docs/admin-api.md, "Budgets"). Money is decimal US dollars here and integer micro-USD
// everywhere else; the conversion is exact or refused.

public sealed record PutBudgetBody(long? RequestsPerWindow = null, long? TokensPerWindow = null, long? WindowSeconds = null, decimal? UsdPerDay = null, decimal? UsdPerMonth = null)
{
    /// <summary>The limits, or a validation refusal naming every field at fault (the id too, when it is malformed).</summary>
    public BudgetLimits ToLimits(BudgetSubject subject)
    {
        var errors = new List<FieldError>();
        var limits = new BudgetLimits
        {
            RequestsPerWindow = RequestsPerWindow,
            TokensPerWindow = TokensPerWindow,
            Window = WindowSeconds switch
            {
                null => BudgetLimits.DefaultWindow,
                >= 1 and <= 86_400 => TimeSpan.FromSeconds(WindowSeconds.Value),
                _ => Refuse(errors, "window_seconds", "must be a whole number of seconds from 1 to 86400 (one day)", BudgetLimits.DefaultWindow),
            },
            UsdMicrosPerDay = Micros(UsdPerDay, "usd_per_day", errors),
            UsdMicrosPerMonth = Micros(UsdPerMonth, "usd_per_month", errors),
        };
        if (errors.Count > 0)
        {
            // Also report what else is wrong, but not "no limit set" for a money limit that was given and refused.
            errors.AddRange(BudgetLedger.Validate(subject, limits).Where(e => e.Field != "limits" && errors.All(f => f.Field != e.Field)));
            throw ControlPlaneException.Invalid(errors);
        }

        return limits;
    }

    private static long? Micros(decimal? usd, string field, List<FieldError> errors)
    {
        if (usd is not { } value)
        {
            return null;
        }

        if (UsdMicros.TryFromUsd(value, BudgetLimits.MaxLimit, out var micros))
        {
            return micros;
        }

        errors.Add(new(field, $"must be US dollars from 0 to {BudgetLimits.MaxLimit / UsdMicros.PerUsd} with at most 6 decimals (whole micro-USD)"));
        return null;
    }

    private static T Refuse<T>(List<FieldError> errors, string field, string message, T placeholder)
    {
        errors.Add(new(field, message));
        return placeholder;
    }
}

public sealed record BudgetLimitsView(
    string Scope,
    string Id,
    long? RequestsPerWindow,
    long? TokensPerWindow,
    long WindowSeconds,
    decimal? UsdPerDay,
    decimal? UsdPerMonth,
    DateTimeOffset Updated)
{
    public static BudgetLimitsView From(SubjectLimits s) => new(
        s.Subject.ScopeName,
        s.Subject.Id,
        s.Limits.RequestsPerWindow,
        s.Limits.TokensPerWindow,
        (long)s.Limits.Window.TotalSeconds,
        Usd(s.Limits.UsdMicrosPerDay),
        Usd(s.Limits.UsdMicrosPerMonth),
        s.UpdatedAt);

    internal static decimal? Usd(long? micros) => micros is { } m ? UsdMicros.ToUsd(m) : null;
}

/// <summary>One kind of limit now. Requests and tokens are counts; the two money kinds are US dollars.</summary>
public sealed record BudgetLineView(decimal? Limit, decimal Used, decimal Reserved, decimal? Remaining, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd)
{
    public static BudgetLineView From(BudgetLimitUsage line)
    {
        var money = line.Kind is BudgetLimitKind.UsdPerDay or BudgetLimitKind.UsdPerMonth;
        decimal Value(long amount) => money ? UsdMicros.ToUsd(amount) : amount;
        return new(
            line.Limit is { } limit ? Value(limit) : null,
            Value(line.Used),
            Value(line.Reserved),
            line.Remaining is { } remaining ? Value(remaining) : null,
            line.Period.Start,
            line.Period.End);
    }
}

public sealed record BudgetUsageView(BudgetLineView RequestsPerWindow, BudgetLineView TokensPerWindow, BudgetLineView UsdPerDay, BudgetLineView UsdPerMonth)
{
    public static BudgetUsageView From(BudgetUsage usage)
    {
        var lines = usage.ByKind;
        return new(BudgetLineView.From(lines[0]), BudgetLineView.From(lines[1]), BudgetLineView.From(lines[2]), BudgetLineView.From(lines[3]));
    }
}

public sealed record ChargeView(long Requests, long Tokens, decimal Usd)
{
    public static ChargeView From(BudgetCharge c) => new(c.Requests, c.Tokens, UsdMicros.ToUsd(c.UsdMicros));
}

public sealed record SpendView(DateTimeOffset Start, DateTimeOffset End, ChargeView Used, ChargeView Reserved)
{
    public static SpendView From(BudgetPeriodUsage p) => new(p.Period.Start, p.Period.End, ChargeView.From(p.Used), ChargeView.From(p.Reserved));
}

public sealed record SpendPeriodsView(SpendView Day, SpendView Month);

public sealed record BudgetView(string Scope, string Id, BudgetLimitsView? Limits, BudgetUsageView? Usage, SpendPeriodsView? Spend)
{
    public static BudgetView From(BudgetUsage usage) => new(
        usage.Subject.ScopeName,
        usage.Subject.Id,
        usage.Limits is { } limits ? BudgetLimitsView.From(limits) : null,
        BudgetUsageView.From(usage),
        new SpendPeriodsView(SpendView.From(usage.Day), SpendView.From(usage.Month)));

    /// <summary>A scope's default holds limits only; nothing is ever charged to <c>*</c>.</summary>
    public static BudgetView Default(BudgetSubject subject, SubjectLimits? limits) =>
        new(subject.ScopeName, subject.Id, limits is null ? null : BudgetLimitsView.From(limits), null, null);
}
