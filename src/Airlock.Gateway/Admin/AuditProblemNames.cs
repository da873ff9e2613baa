using Airlock.Core.Audit;

namespace Airlock.Gateway.Admin;

/// <summary>The stable snake_case names of <see cref="AuditProblemKind"/> in the API.</summary>
public static class AuditProblemNames
{
    public static string Of(AuditProblemKind kind) => kind switch
    {
        AuditProblemKind.MissingRecord => "missing_record",
        AuditProblemKind.LeafHashMismatch => "leaf_hash_mismatch",
        AuditProblemKind.MalformedRecord => "malformed_record",
        AuditProblemKind.SequenceMismatch => "sequence_mismatch",
        AuditProblemKind.Truncated => "truncated",
        AuditProblemKind.BadCheckpointSignature => "bad_checkpoint_signature",
        AuditProblemKind.CheckpointMismatch => "checkpoint_mismatch",
        AuditProblemKind.InconsistentCheckpoints => "inconsistent_checkpoints",
        _ => "unknown",
    };
}
