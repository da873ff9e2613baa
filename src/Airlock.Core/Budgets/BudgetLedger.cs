using System.Buffers.Text;
using System.Security.Cryptography;
using Airlock.Core.Storage;

namespace Airlock.Core.Budgets;

/// <summary>
/// Budgets and rate limits per session, agent and user (R9), reserve-then-settle: before a call is forwarded its worst
/// case is reserved against every subject at once, atomically, so concurrent calls can never hold more than a limit
/// between them; when it completes, the actual usage replaces the reservation. Store failures are thrown (as
/// <see cref="StoreException"/>), never taken for "within budget": the caller refuses the call.
/// </summary>
public sealed partial class BudgetLedger(IAirlockStore store, TimeProvider time, BudgetLedgerOptions? options = null)
{
    private readonly BudgetLedgerOptions options = options ?? new BudgetLedgerOptions();

    /// <summary>
    /// Reserves <paramref name="worstCase"/> for every subject (typically <see cref="BudgetSubject.ForCall"/>), all or
    /// nothing, in the request and token windows, UTC day and UTC month current now. Returns the reservation to settle,
    /// or the refusal to answer with (HTTP 429, <c>Retry-After</c> from <see cref="BudgetRefusal.RetryAfterSeconds"/>).
    /// </summary>
    /// <exception cref="StoreException">The store failed; nothing was reserved and the call must be refused.</exception>
    public Task<BudgetReserveResult> TryReserveAsync(IReadOnlyList<BudgetSubject> subjects, BudgetCharge worstCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(worstCase);
        worstCase.ThrowIfInvalid(nameof(worstCase));
        if (subjects.Count == 0)
        {
            throw new ArgumentException("a call is charged to at least one subject", nameof(subjects));
        }

        foreach (var subject in subjects)
        {
            if (subject is null || !Names.IsValidIdentifier(subject.Id))
            {
                throw new ArgumentException("every subject must have a valid id; `*` names default limits, not a subject", nameof(subjects));
            }
        }

        var reservation = new BudgetReservation(NewReservationId(), [.. subjects.Distinct()], worstCase, time.GetUtcNow());
        return store.Budgets.TryReserveAsync(reservation, cancellationToken);
    }

    /// <summary>
    /// Settles <paramref name="reservation"/> with what the call actually used: on completion, or with what was streamed
    /// when the client disconnected. <paramref name="actual"/> may exceed the worst case; it is real spend and is
    /// recorded. Settling twice is harmless: only the first settlement counts. Pass a token that outlives the client's
    /// request (not <c>RequestAborted</c>), or a disconnect would leave the reservation to recovery at its worst case.
    /// </summary>
    /// <returns>True when this call settled it; false when it was settled before (or is unknown).</returns>
    public Task<bool> SettleAsync(BudgetReservation reservation, BudgetCharge actual, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(actual);
        actual.ThrowIfInvalid(nameof(actual));
        return store.Budgets.SettleAsync(reservation.Id, actual, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The subject's limits in force and its usage in the current window, UTC day and UTC month.</summary>
    public Task<BudgetUsage> GetUsageAsync(BudgetSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return store.Budgets.GetUsageAsync(subject, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Settles, at their worst case, every reservation still open when this process starts: the process that made them
    /// died mid-call, so their actual usage is unknown. Charging the worst case is conservative: the worst case is what
    /// the call was allowed to cost, and the upstream may well have done the work and billed for it; charging zero
    /// would let a crash loop spend without limit. Returns how many were settled.
    /// </summary>
    /// <remarks>
    /// Call it once, before serving. It settles every open reservation, which is right for one node; several nodes
    /// sharing a store would each need to recover only their own.
    /// </remarks>
    public Task<int> RecoverAsync(CancellationToken cancellationToken = default) =>
        store.Budgets.SettleOpenAtWorstCaseAsync(DateTimeOffset.MaxValue, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Housekeeping, to run every few minutes: settles reservations open longer than
    /// <see cref="BudgetLedgerOptions.AbandonAfter"/> at their worst case, then prunes periods and reservations past
    /// their retention.
    /// </summary>
    public async Task<BudgetSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recovered = await store.Budgets.SettleOpenAtWorstCaseAsync(now - options.AbandonAfter, now, cancellationToken).ConfigureAwait(false);
        var pruned = await store.Budgets.PruneAsync(
            new BudgetPruning(now - options.WindowRetention, now - options.DayRetention, now - options.MonthRetention, now - options.SettledRetention),
            cancellationToken).ConfigureAwait(false);
        return new BudgetSweepResult(recovered, pruned);
    }

    private static string NewReservationId() => "rsv_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15));
}
