namespace Airlock.Core.Audit;

/// <summary>The result of <see cref="AuditVerifier.VerifyAsync"/>.</summary>
public sealed record AuditVerification(
    long RecordCount,
    byte[] RootHash,
    int CheckpointsVerified,
    int ExternalCheckpointsVerified,
    AuditProblem? Problem)
{
    /// <summary>Whether the whole log and every checkpoint verified.</summary>
    public bool Ok => Problem is null;
}
