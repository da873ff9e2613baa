using Airlock.Core.Audit;
using Airlock.Core.Budgets;
using Airlock.Core.Storage;
using Airlock.Gateway.DataPlane.Llm;
using Airlock.Gateway.Http;
using Microsoft.Net.Http.Headers;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Budgets for LLM calls: the worst case is reserved for the session, its agent and its user in one atomic step
/// before the call is sealed and forwarded, and settled at the actual usage afterwards, so concurrent calls can never
/// spend more than the budget plus what one call overran its own worst case by.
/// </summary>
internal sealed partial class CallPipeline
{
    /// <summary>Reserves the call's worst case, or refuses the call (429, or 503 when the ledger is unreachable) and returns null.</summary>
    private async Task<BudgetReservation?> ReserveAsync(Call call, AuditRecord record, LlmPlan llm)
    {
        var context = call.Context;
        BudgetReserveResult reserved;
        try
        {
            reserved = await runtime.Budgets.TryReserveAsync(BudgetSubject.ForCall(call.Session), llm.WorstCase, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            // Fail closed: a call whose spend cannot be checked is not made.
            await RefuseAsync(
                context,
                record with { Decision = AuditDecision.Deny, Errors = ["budget_unavailable"] },
                new ApiProblem(503, "budget_unavailable", "Budgets unavailable", "the call was refused because its budget could not be checked; try again shortly"),
                call.Session.Id).ConfigureAwait(false);
            return null;
        }

        if (reserved.IsReserved)
        {
            return reserved.Reservation;
        }

        var refusal = reserved.Refusal!;
        if (refusal.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var subject = $"{BudgetSubject.NameOf(refusal.Subject.Scope)} {refusal.Subject.Id}";
        await RefuseAsync(
            context,
            record with { Decision = AuditDecision.Deny, Errors = [$"budget_exceeded: {subject}: {refusal.Kind}"] },
            new ApiProblem(429, "budget_exceeded", "Budget exceeded", refusal.Describe()),
            call.Session.Id).ConfigureAwait(false);
        return null;
    }

    private async Task SettleAsync(BudgetReservation reservation, LlmCharge charge)
    {
        try
        {
            // Not the request's token: an agent that went away is still charged for what was streamed.
            await runtime.Budgets.SettleAsync(reservation, new BudgetCharge(1, charge.Usage.TotalTokens, charge.CostMicros), CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            // The reservation stays open at its worst case; the ledger's sweep settles it so. Nothing is undercharged.
        }
    }
}
