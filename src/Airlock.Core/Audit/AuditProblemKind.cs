namespace Airlock.Core.Audit;

/// <summary>What <see cref="AuditVerifier"/> found wrong first.</summary>
public enum AuditProblemKind
{
    /// <summary>A sequence number is missing: a record was deleted.</summary>
    MissingRecord,

    /// <summary>A record's bytes do not hash to its stored leaf hash: the record was changed.</summary>
    LeafHashMismatch,

    /// <summary>A record's bytes are not a record in the canonical encoding.</summary>
    MalformedRecord,

    /// <summary>A record stored at one position names another sequence number: records were swapped or moved.</summary>
    SequenceMismatch,

    /// <summary>A checkpoint covers more records than the log holds: the log was truncated.</summary>
    Truncated,

    /// <summary>A checkpoint's signature does not verify, or its key is unknown.</summary>
    BadCheckpointSignature,

    /// <summary>A checkpoint's root differs from the tree recomputed from the records.</summary>
    CheckpointMismatch,

    /// <summary>Two checkpoints are not consistent (the later tree does not extend the earlier).</summary>
    InconsistentCheckpoints,
}
