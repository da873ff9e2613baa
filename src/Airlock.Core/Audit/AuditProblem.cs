namespace Airlock.Core.Audit;

/// <summary>The first problem found, with the first bad record's sequence number where one can be named.</summary>
public sealed record AuditProblem(AuditProblemKind Kind, long? Sequence, string Message);
