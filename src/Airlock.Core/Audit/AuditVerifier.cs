using Airlock.Core.Audit.Merkle;
using Airlock.Core.Storage;

namespace Airlock.Core.Audit;

/// <summary>
/// Checks the whole log (invariant 5): every record's leaf hash recomputed from its stored bytes, sequence
/// numbers contiguous and matching each record's own, every stored checkpoint's signature and root against the
/// recomputed tree, consistency proofs between successive checkpoints, and optionally checkpoints the operator
/// kept outside the database, which catch a truncation that also removed the stored checkpoints.
/// </summary>
public static class AuditVerifier
{
    private const int PageSize = 2_000;

    /// <summary>Verifies the log in <paramref name="store"/>; stops at the first problem.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, IReadOnlyList<SignedTreeHead>? externalCheckpoints, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tree = new MerkleTree();
        var problem = await CheckRecordsAsync(store, tree, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return Result(tree, 0, 0, problem);
        }

        var keys = (await store.ListKeysAsync(ct).ConfigureAwait(false)).ToDictionary(k => k.KeyId, StringComparer.Ordinal);
        var checkpoints = await store.ListCheckpointsAsync(ct).ConfigureAwait(false);
        SignedTreeHead? previous = null;
        var verified = 0;
        foreach (var checkpoint in checkpoints)
        {
            problem = CheckCheckpoint(checkpoint, tree, keys, previous, "checkpoint");
            if (problem is not null)
            {
                return Result(tree, verified, 0, problem);
            }

            previous = checkpoint;
            verified++;
        }

        var external = 0;
        foreach (var checkpoint in externalCheckpoints ?? [])
        {
            problem = CheckCheckpoint(checkpoint, tree, keys, null, "exported checkpoint");
            if (problem is not null)
            {
                return Result(tree, verified, external, problem);
            }

            external++;
        }

        return Result(tree, verified, external, null);
    }

    private static async Task<AuditProblem?> CheckRecordsAsync(IAuditStore store, MerkleTree tree, CancellationToken ct)
    {
        while (true)
        {
            var page = await store.ReadAsync(tree.Size, PageSize, ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return null;
            }

            foreach (var row in page)
            {
                var expected = tree.Size;
                if (row.Sequence != expected)
                {
                    return new AuditProblem(AuditProblemKind.MissingRecord, expected,
                        $"record {expected} is missing (the next stored record is {row.Sequence}): records were deleted");
                }

                var leaf = MerkleHash.Leaf(row.Data);
                if (!leaf.AsSpan().SequenceEqual(row.LeafHash))
                {
                    return new AuditProblem(AuditProblemKind.LeafHashMismatch, expected,
                        $"record {expected} does not match its leaf hash: the record was changed");
                }

                AuditRecord record;
                try
                {
                    record = AuditRecordEncoding.Decode(row.Data);
                }
                catch (FormatException)
                {
                    return new AuditProblem(AuditProblemKind.MalformedRecord, expected, $"record {expected} is not a valid audit record");
                }

                if (record.Sequence != expected)
                {
                    return new AuditProblem(AuditProblemKind.SequenceMismatch, expected,
                        $"record {expected} holds the record numbered {record.Sequence}: records were swapped or moved");
                }

                tree.Append(leaf);
            }
        }
    }

    private static AuditProblem? CheckCheckpoint(
        SignedTreeHead checkpoint, MerkleTree tree, Dictionary<string, AuditKeyRecord> keys, SignedTreeHead? previous, string what)
    {
        if (!AuditSigner.Verify(checkpoint, keys))
        {
            return new AuditProblem(AuditProblemKind.BadCheckpointSignature, null,
                $"the signature of the {what} at tree size {checkpoint.TreeSize} does not verify (key `{checkpoint.KeyId}`, {checkpoint.Algorithm})");
        }

        if (checkpoint.TreeSize > tree.Size)
        {
            return new AuditProblem(AuditProblemKind.Truncated, tree.Size,
                $"the {what} at tree size {checkpoint.TreeSize} covers more records than the log holds ({tree.Size}): the log was truncated from record {tree.Size} on");
        }

        if (!tree.RootAt(checkpoint.TreeSize).AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            var from = previous?.TreeSize ?? 0;
            return new AuditProblem(AuditProblemKind.CheckpointMismatch, from,
                $"the log does not match the {what} at tree size {checkpoint.TreeSize}: a record from {from} to {checkpoint.TreeSize - 1} was changed together with its leaf hash");
        }

        if (previous is { TreeSize: > 0 } && previous.TreeSize <= checkpoint.TreeSize)
        {
            var proof = tree.ConsistencyProof(previous.TreeSize, checkpoint.TreeSize);
            if (!MerkleProof.VerifyConsistency(previous.TreeSize, checkpoint.TreeSize, previous.RootHash, checkpoint.RootHash, proof))
            {
                return new AuditProblem(AuditProblemKind.InconsistentCheckpoints, previous.TreeSize,
                    $"the checkpoints at tree sizes {previous.TreeSize} and {checkpoint.TreeSize} are not consistent");
            }
        }

        return null;
    }

    private static AuditVerification Result(MerkleTree tree, int checkpoints, int external, AuditProblem? problem) =>
        new(tree.Size, tree.RootAt(tree.Size), checkpoints, external, problem);
}
