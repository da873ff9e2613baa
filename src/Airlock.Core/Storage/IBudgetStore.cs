using Airlock.Core.Budgets;

namespace Airlock.Core.Storage;

/// <summary>
/// Budget limits, usage per subject and period, and reservations (R9). Every method that changes usage is one
/// transaction that serializes with every other writer, so concurrent reservations on any number of threads or nodes
/// never hold more than a limit between them. Usage rows are keyed by subject, period kind, start and end.
/// </summary>
public interface IBudgetStore
{
    /// <summary>Inserts or replaces the limits of one subject (or a scope's default). Returns true when they are new.</summary>
    Task<bool> UpsertLimitsAsync(SubjectLimits limits, CancellationToken cancellationToken = default);

    /// <summary>The subject's own limits (not its scope's default), or null.</summary>
    Task<SubjectLimits?> GetLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default);

    /// <summary>All limits, defaults included, ordered by scope (session, agent, user), then by id ordinally.</summary>
    Task<IReadOnlyList<SubjectLimits>> ListLimitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a subject's own limits; usage stays. Returns false when it had none.</summary>
    Task<bool> DeleteLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: for each subject, reads the limits in force (its own, else its scope's default) and its
    /// usage in the periods of <see cref="BudgetCheck.PeriodsAt"/> at <see cref="BudgetReservation.CreatedAt"/>, and
    /// applies <see cref="BudgetCheck.Check"/>. If every subject fits, adds the worst case to <c>reserved</c> in each of
    /// those periods (limits or not, so spend is always recorded) and stores the reservation with the periods it holds;
    /// otherwise changes nothing and returns the most decisive refusal (<see cref="BudgetCheck.MoreDecisive"/>).
    /// </summary>
    Task<BudgetReserveResult> TryReserveAsync(BudgetReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles a reservation in one transaction: its worst case leaves <c>reserved</c> and <paramref name="actual"/> is
    /// added to <c>used</c>, in exactly the periods it was reserved in. A reservation already settled at its worst case
    /// by <see cref="SettleOpenAtWorstCaseAsync"/> has its <c>used</c> corrected to <paramref name="actual"/> instead.
    /// Returns false, changing nothing, for an unknown reservation or one a caller has settled before.
    /// </summary>
    Task<bool> SettleAsync(string reservationId, BudgetCharge actual, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles every open reservation created before <paramref name="createdBefore"/> at its worst case, in one
    /// transaction, marking it recovered so that a later <see cref="SettleAsync"/> by its caller can still correct it.
    /// Returns how many were settled.
    /// </summary>
    Task<int> SettleOpenAtWorstCaseAsync(DateTimeOffset createdBefore, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The subject's limits in force and its usage in the periods current at <paramref name="now"/> (zeros where nothing is recorded).</summary>
    Task<BudgetUsage> GetUsageAsync(BudgetSubject subject, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes reservations settled before <see cref="BudgetPruning.SettledBefore"/> and usage rows of periods that ended
    /// before their kind's cutoff and that no remaining reservation holds. Returns how many rows were deleted.
    /// </summary>
    Task<int> PruneAsync(BudgetPruning pruning, CancellationToken cancellationToken = default);
}
