using System.Diagnostics;
using Airlock.Core.Audit;
using Airlock.Core.Leaks;
using Airlock.Gateway.DataPlane.Llm;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane;

/// <summary>Sealing: every refusal and permit goes into the audit log before the agent hears of it, and every call ends in an outcome record.</summary>
internal sealed partial class CallPipeline
{
    private async Task RefuseAsync(HttpContext context, AuditRecord record, ApiProblem problem, string sessionId)
    {
        await _history.RecordAsync(sessionId, denied: true, context.RequestAborted).ConfigureAwait(false);
        await SealAsync(record, context.RequestAborted).ConfigureAwait(false);
        await problem.ToResult().ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<long> SealAsync(AuditRecord record, CancellationToken ct)
    {
        try
        {
            return await runtime.Audit.AppendAsync(record, ct).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // Fail closed: an unrecorded call does not happen.
            throw new ApiProblem(503, "audit_unavailable", "Audit log unavailable", "the call was refused because its audit record could not be written; try again shortly");
        }
    }

    private static void RedactHeaders(IHeaderDictionary headers, SecretPatternSet patterns, List<string> redacted)
    {
        foreach (var name in headers.Keys.ToArray())
        {
            var value = headers[name].ToString();
            var clean = patterns.RedactHeaderValue(value, out var names);
            if (!ReferenceEquals(clean, value))
            {
                headers[name] = clean;
                redacted.AddRange(names.Select(n => $"header {name}:{n}"));
            }
        }
    }

    private async Task SealOutcomeAsync(long decisionSequence, AuditRecord decision, Outcome outcome)
    {
        try
        {
            await runtime.Audit.AppendAsync(OutcomeRecord(decisionSequence, decision, outcome), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // The call already happened; its decision record is sealed. A missing outcome is visible in the log.
        }
    }

    /// <summary>
    /// Once the agent has its answer no call waits on the outcome: it is queued, to share the next decision's commit.
    /// A log that refuses it (closing, or its queue full) leaves it missing, visible as for <see cref="SealOutcomeAsync"/>.
    /// </summary>
    private void QueueOutcome(long decisionSequence, AuditRecord decision, Outcome outcome) =>
        runtime.Audit.TryAppendDeferred(OutcomeRecord(decisionSequence, decision, outcome));

    private AuditRecord OutcomeRecord(long decisionSequence, AuditRecord decision, Outcome outcome)
    {
        var headerRedactions = outcome.HeaderRedactions ?? [];
        return decision with
        {
            Kind = AuditRecordKind.Outcome,
            Time = runtime.Time.GetUtcNow(),
            DecisionSequence = decisionSequence,
            Errors = outcome.Errors ?? decision.Errors,
            Status = outcome.Status,
            BytesOut = outcome.BytesOut,
            LatencyMs = (long)Stopwatch.GetElapsedTime(outcome.Started).TotalMilliseconds,
            RedactionCount = (outcome.Redactor?.TotalRedactions ?? 0) + headerRedactions.Count + (outcome.DeltaRedactions?.Sum(r => r.Count) ?? 0),
            Redactions =
            [
                .. headerRedactions,
                .. outcome.Redactor?.Redactions.Select(r => $"{r.Name}:{r.Count}") ?? [],
                .. outcome.DeltaRedactions?.Select(r => $"stream {r.Name}:{r.Count}") ?? [],
            ],
            InputTokens = outcome.Usage?.Usage.InputTokens,
            OutputTokens = outcome.Usage?.Usage.OutputTokens,
            CostMicros = outcome.Usage?.CostMicros ?? (decision.Model is null ? null : 0),
        };
    }

    /// <summary>How a permitted call ended, for its outcome record.</summary>
    private sealed record Outcome(
        int Status,
        long BytesOut,
        long Started,
        StreamingRedactor? Redactor = null,
        IReadOnlyList<string>? HeaderRedactions = null,
        IReadOnlyList<string>? Errors = null)
    {
        public LlmCharge? Usage { get; init; }

        /// <summary>Secrets redacted across the events of an LLM stream (before the byte-level redactor).</summary>
        public IReadOnlyList<RedactionCount>? DeltaRedactions { get; init; }
    }
}
