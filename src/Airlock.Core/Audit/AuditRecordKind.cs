namespace Airlock.Core.Audit;

/// <summary>What a record says: a decision taken before a call, or the outcome after it.</summary>
public enum AuditRecordKind
{
    Decision,
    Outcome,
}
