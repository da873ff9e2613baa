namespace Airlock.Core.Audit;

/// <summary>The decision a record seals.</summary>
public enum AuditDecision
{
    Permit,
    Deny,
    Error,
}
