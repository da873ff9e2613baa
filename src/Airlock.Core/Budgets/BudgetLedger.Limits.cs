namespace Airlock.Core.Budgets;

/// <summary>Setting, reading and removing limits: the operator's side of the ledger.</summary>
public sealed partial class BudgetLedger
{
    /// <summary>
    /// Sets the subject's limits, replacing any it had (a kind not set is no longer limited). The id <c>*</c> sets the
    /// scope's default. Usage recorded so far stays and counts against the new limits. An agent or session must exist;
    /// a user need not be registered, as sessions may act for any user id.
    /// </summary>
    /// <exception cref="ControlPlaneException">The subject or the limits are invalid (every problem at once).</exception>
    public async Task<(SubjectLimits Limits, bool Created)> SetLimitsAsync(BudgetSubject subject, BudgetLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = Validate(subject, limits);
        if (errors.Count == 0 && !subject.IsDefault)
        {
            await CheckExistsAsync(subject, errors, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            throw ControlPlaneException.Invalid(errors);
        }

        var entry = new SubjectLimits(subject, limits, time.GetUtcNow());
        var created = await store.Budgets.UpsertLimitsAsync(entry, cancellationToken).ConfigureAwait(false);
        return (entry, created);
    }

    /// <summary>
    /// What can be judged without the store: the subject's id (an identifier, or <c>*</c>) and the limits themselves.
    /// Every problem, each naming its admin API field.
    /// </summary>
    public static List<FieldError> Validate(BudgetSubject subject, BudgetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<FieldError>();
        if (!subject.IsDefault && !Names.IsValidIdentifier(subject.Id))
        {
            errors.Add(new("id", $"must be {Names.IdentifierRule}, or * for the default of every {subject.ScopeName}"));
        }

        errors.AddRange(limits.Validate());
        return errors;
    }

    /// <summary>The subject's own limits (for <c>*</c>, the scope's default), or null.</summary>
    public Task<SubjectLimits?> GetLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default) =>
        store.Budgets.GetLimitsAsync(subject, cancellationToken);

    /// <summary>Every subject's limits and every scope's default, ordered by scope, then id.</summary>
    public Task<IReadOnlyList<SubjectLimits>> ListLimitsAsync(CancellationToken cancellationToken = default) =>
        store.Budgets.ListLimitsAsync(cancellationToken);

    /// <summary>Removes the subject's own limits; its usage stays, and its scope's default (if any) applies from now on.</summary>
    /// <exception cref="ControlPlaneException">It has no limits of its own (not found).</exception>
    public async Task RemoveLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!await store.Budgets.DeleteLimitsAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            throw new ControlPlaneException(
                ControlPlaneError.NotFound,
                subject.IsDefault ? $"no default budget is set for every {subject.ScopeName}" : $"{subject} has no budget of its own");
        }
    }

    private async Task CheckExistsAsync(BudgetSubject subject, List<FieldError> errors, CancellationToken cancellationToken)
    {
        switch (subject.Scope)
        {
            case BudgetScope.Agent when await store.Identities.GetAgentAsync(subject.Id, cancellationToken).ConfigureAwait(false) is null:
                errors.Add(new("id", $"agent '{subject.Id}' is not registered; add it with `airlock agent add {subject.Id}`, or use * for every agent"));
                break;
            case BudgetScope.Session when await store.Sessions.GetAsync(subject.Id, cancellationToken).ConfigureAwait(false) is null:
                errors.Add(new("id", $"session '{subject.Id}' does not exist; `airlock session list` shows the sessions, or use * for every session"));
                break;
        }
    }
}
