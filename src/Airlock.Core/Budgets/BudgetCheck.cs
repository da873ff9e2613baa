namespace Airlock.Core.Budgets;

/// <summary>
/// The one rule every store applies inside its reservation transaction, so that providers differ only in how they
/// lock and write: a charge fits a subject when, for every kind of limit it sets, used + reserved + worst case ≤ limit
/// in that kind's current period.
/// </summary>
public static class BudgetCheck
{
    /// <summary>
    /// The periods a charge to a subject with <paramref name="limits"/> is counted in at <paramref name="now"/>: the
    /// window of its limits' length (the default length when it has none), the UTC day and the UTC month.
    /// </summary>
    public static (BudgetPeriod Window, BudgetPeriod Day, BudgetPeriod Month) PeriodsAt(SubjectLimits? limits, DateTimeOffset now) =>
        (BudgetPeriod.WindowAt(now, limits?.Limits.Window ?? BudgetLimits.DefaultWindow), BudgetPeriod.DayAt(now), BudgetPeriod.MonthAt(now));

    /// <summary>
    /// The most decisive reason <paramref name="worstCase"/> does not fit <paramref name="usage"/>, or null when it fits.
    /// A kind the charge does not use (amount zero) is not checked: a plain HTTP call spends no tokens, so an exhausted
    /// token budget does not stop it.
    /// </summary>
    public static BudgetRefusal? Check(BudgetUsage usage, BudgetCharge worstCase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(worstCase);
        if (usage.Limits is null)
        {
            return null;
        }

        BudgetRefusal? refusal = null;
        foreach (var line in usage.ByKind)
        {
            var requested = worstCase.AmountFor(line.Kind);
            if (line.Limit is not { } limit || requested == 0)
            {
                continue;
            }

            // Int128: used may exceed the limit (actual spend past a worst case is recorded), and the sum must not wrap.
            if ((Int128)line.Used + line.Reserved + requested <= limit)
            {
                continue;
            }

            var neverFits = requested > limit;
            var wait = line.Period.End - now;
            refusal = MoreDecisive(refusal, new BudgetRefusal(
                usage.Subject,
                line.Kind,
                neverFits ? BudgetRefusalReason.ExceedsLimit : BudgetRefusalReason.Exhausted,
                limit,
                line.Used,
                line.Reserved,
                requested,
                line.Period,
                usage.Limits.Subject.IsDefault,
                neverFits ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait));
        }

        return refusal;
    }

    /// <summary>
    /// Of two refusals, the one to report: a call that can never fit beats one that must wait, and of two waits the
    /// longer, since the call fits only once every exhausted period has ended. Ties keep <paramref name="current"/>.
    /// </summary>
    public static BudgetRefusal? MoreDecisive(BudgetRefusal? current, BudgetRefusal? candidate)
    {
        if (current is null || candidate is null)
        {
            return current ?? candidate;
        }

        if (current.Reason != candidate.Reason)
        {
            return current.Reason == BudgetRefusalReason.ExceedsLimit ? current : candidate;
        }

        return candidate.RetryAfter > current.RetryAfter ? candidate : current;
    }
}
