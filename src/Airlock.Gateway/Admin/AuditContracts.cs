using Airlock.Core.Audit;

namespace Airlock.Gateway.Admin;

// The audit API's response bodies (docs/audit.md). Hashes and signatures are standard base64.

public sealed record AuditCheckpointView(long TreeSize, string RootHash, DateTimeOffset Timestamp, string KeyId, string Algorithm, string Signature)
{
    public static AuditCheckpointView From(SignedTreeHead c) =>
        new(c.TreeSize, Convert.ToBase64String(c.RootHash), c.Timestamp, c.KeyId, c.Algorithm, Convert.ToBase64String(c.Signature));
}

public sealed record AuditKeyView(string KeyId, string Algorithm, string PublicKeySpki, DateTimeOffset Created)
{
    public static AuditKeyView From(AuditKeyRecord k) => new(k.KeyId, k.Algorithm, Convert.ToBase64String(k.PublicKeySpki), k.CreatedAt);
}

public sealed record AuditProblemView(string Kind, long? Sequence, string Message);

public sealed record AuditVerificationView(bool Ok, long RecordCount, string RootHash, int CheckpointsVerified, AuditProblemView? Problem)
{
    public static AuditVerificationView From(AuditVerification v) => new(
        v.Ok,
        v.RecordCount,
        Convert.ToBase64String(v.RootHash),
        v.CheckpointsVerified,
        v.Problem is { } p ? new AuditProblemView(AuditProblemNames.Of(p.Kind), p.Sequence, p.Message) : null);
}

public sealed record InclusionProofView(long Seq, long TreeSize, string LeafHash, string RootHash, IReadOnlyList<string> Proof);

public sealed record ConsistencyProofView(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof);
