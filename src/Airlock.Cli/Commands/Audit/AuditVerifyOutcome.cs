namespace Airlock.Cli.Commands.Audit;

/// <summary>What a verification found, whether it ran here (offline) or in the gateway.</summary>
internal sealed record AuditVerifyOutcome(bool Ok, long RecordCount, string RootHash, int CheckpointsVerified, int ExportedCheckpointsVerified, string? Kind, long? Sequence, string? Message);
