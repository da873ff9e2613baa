namespace Airlock.Core.Audit;

/// <summary>
/// One leaf of the audit log (R13). A decision record says who (session, agent, user, delegation chain), what
/// (method, service, canonical path, a keyed digest of the parameters), why (the session's intent, the agent's
/// stated reason) and the decision with its determining policies; an outcome record, written after the call,
/// points at its decision and says how the call went. Secret-derived values appear only as
/// <see cref="AuditHmac"/> digests. Its bytes are <see cref="AuditRecordEncoding.Encode"/>, the Merkle leaf data.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>The position in the log, 0 for the first record: also the Merkle leaf index. Set by <see cref="AuditLog"/>.</summary>
    public long Sequence { get; init; }

    public AuditRecordKind Kind { get; init; }

    /// <summary>When the record was made, UTC; encoded to the microsecond.</summary>
    public DateTimeOffset Time { get; init; }

    public string? SessionId { get; init; }

    public string? AgentId { get; init; }

    public string? UserId { get; init; }

    /// <summary>The agents that delegated to this one, root first; empty without delegation.</summary>
    public IReadOnlyList<string> DelegationChain { get; init; } = [];

    public string? Method { get; init; }

    public string? Service { get; init; }

    /// <summary>The canonical (normalized) path the decision was taken on.</summary>
    public string? Path { get; init; }

    /// <summary>A keyed digest of the query and body (<see cref="AuditHmac.Digest(string)"/>), never the values.</summary>
    public string? ParametersDigest { get; init; }

    /// <summary>The session's declared intent, as the session gave it.</summary>
    public string? Intent { get; init; }

    /// <summary>The agent's stated reason for this call (the <c>Airlock-Reason</c> header).</summary>
    public string? Reason { get; init; }

    /// <summary>Set on decision records.</summary>
    public AuditDecision? Decision { get; init; }

    /// <summary>The ids of the policies that determined the decision.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Error messages (policy evaluation errors, refusal reasons); never a secret value.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>On an outcome record, the sequence number of its decision record.</summary>
    public long? DecisionSequence { get; init; }

    /// <summary>The HTTP status returned to the agent.</summary>
    public int? Status { get; init; }

    public long? BytesIn { get; init; }

    public long? BytesOut { get; init; }

    public long? LatencyMs { get; init; }

    /// <summary>How many values the leak scanner redacted from the response.</summary>
    public int? RedactionCount { get; init; }

    /// <summary>The names of what was redacted (secret names or credential formats), never the values.</summary>
    public IReadOnlyList<string> Redactions { get; init; } = [];

    /// <summary>On an LLM call: the model asked for (<c>service/model</c>).</summary>
    public string? Model { get; init; }

    /// <summary>On an LLM call's outcome: tokens the provider counted (or Airlock estimated, see docs/llm.md).</summary>
    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    /// <summary>On an LLM call: the worst case reserved (decision) or the amount charged (outcome), in micro-USD.</summary>
    public long? CostMicros { get; init; }
}
