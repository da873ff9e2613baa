using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;
using Airlock.Core.Storage;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static StoredAuditRecord AuditRow(long seq) => new(seq, Some.Bytes(40 + (int)seq, (byte)seq), Some.Bytes(32, (byte)(seq * 3)));

    [Fact]
    public async Task Audit_Append_RoundTripsInOrderAndCounts()
    {
        Assert.Equal(0, await Store.Audit.CountAsync(Ct));

        await Store.Audit.AppendAsync([AuditRow(0), AuditRow(1)], Ct);
        await Store.Audit.AppendAsync([AuditRow(2)], Ct);

        Assert.Equal(3, await Store.Audit.CountAsync(Ct));
        var rows = await Store.Audit.ReadAsync(1, 10, Ct);
        Assert.Equal([1L, 2L], rows.Select(r => r.Sequence));
        Assert.Equal(AuditRow(1).Data, rows[0].Data);
        Assert.Equal(AuditRow(1).LeafHash, rows[0].LeafHash);
        Assert.Equal([AuditRow(0).LeafHash, AuditRow(1).LeafHash], await Store.Audit.ReadLeafHashesAsync(0, 2, Ct));
    }

    [Fact]
    public async Task Audit_Append_NotStartingAtTheSize_IsRefusedAndWritesNothing()
    {
        await Store.Audit.AppendAsync([AuditRow(0)], Ct);

        await Assert.ThrowsAsync<StoreException>(() => Store.Audit.AppendAsync([AuditRow(2)], Ct));
        await Assert.ThrowsAsync<StoreException>(() => Store.Audit.AppendAsync([AuditRow(0)], Ct));
        await Assert.ThrowsAsync<StoreException>(() => Store.Audit.AppendAsync([AuditRow(1), AuditRow(3)], Ct));

        Assert.Equal(1, await Store.Audit.CountAsync(Ct));

        // A refused append leaves the store able to take the next one, in either durability.
        await Store.Audit.AppendAsync([AuditRow(1)], AuditDurability.Disk, Ct);
        await Store.Audit.AppendAsync([AuditRow(2)], AuditDurability.OperatingSystem, Ct);
        Assert.Equal(3, await Store.Audit.CountAsync(Ct));
    }

    [Fact]
    public async Task Audit_SessionDecisions_CountOnlyThatSessionsDecisionRecordsAndItsDenials()
    {
        StoredAuditRecord Encoded(long seq, string session, AuditRecordKind kind, AuditDecision decision)
        {
            var data = AuditRecordEncoding.Encode(new AuditRecord
            {
                Sequence = seq,
                Kind = kind,
                Time = Some.At((int)seq),
                SessionId = session,
                Decision = decision,
                DecisionSequence = kind == AuditRecordKind.Outcome ? seq - 1 : null,
            });
            return new StoredAuditRecord(seq, data, MerkleHash.Leaf(data));
        }

        await Store.Audit.AppendAsync(
        [
            Encoded(0, "s1", AuditRecordKind.Decision, AuditDecision.Permit),
            Encoded(1, "s1", AuditRecordKind.Outcome, AuditDecision.Permit),
            Encoded(2, "s1", AuditRecordKind.Decision, AuditDecision.Deny),
            Encoded(3, "s2", AuditRecordKind.Decision, AuditDecision.Deny),
            AuditRow(4),
        ], Ct);

        Assert.Equal(new SessionDecisionCounts(2, 1), await Store.Audit.CountSessionDecisionsAsync("s1", Ct));
        Assert.Equal(new SessionDecisionCounts(1, 1), await Store.Audit.CountSessionDecisionsAsync("s2", Ct));
        Assert.Equal(new SessionDecisionCounts(0, 0), await Store.Audit.CountSessionDecisionsAsync("nobody", Ct));
    }

    [Fact]
    public async Task Audit_Checkpoints_RoundTripSmallestFirstAndRefuseADuplicateSize()
    {
        var late = new SignedTreeHead(5, Some.Bytes(32, 1), Some.At(5), "k1", "ES256", Some.Bytes(64, 2));
        var early = new SignedTreeHead(2, Some.Bytes(32, 3), Some.At(2), "k1", "ES256", Some.Bytes(64, 4));

        Assert.Null(await Store.Audit.GetLatestCheckpointAsync(Ct));
        Assert.True(await Store.Audit.TryAddCheckpointAsync(late, Ct));
        Assert.True(await Store.Audit.TryAddCheckpointAsync(early, Ct));
        Assert.False(await Store.Audit.TryAddCheckpointAsync(late with { KeyId = "k2" }, Ct));

        var list = await Store.Audit.ListCheckpointsAsync(Ct);
        Assert.Equal([2L, 5L], list.Select(c => c.TreeSize));
        Assert.Equal(early.RootHash, list[0].RootHash);
        Assert.Equal(early.Signature, list[0].Signature);
        RecordAssert.Time(early.Timestamp, list[0].Timestamp);
        var latest = await Store.Audit.GetLatestCheckpointAsync(Ct);
        Assert.NotNull(latest);
        Assert.Equal("k1", latest.KeyId);
        Assert.Equal(5, latest.TreeSize);
    }

    [Fact]
    public async Task Audit_Keys_RoundTripOldestFirstAndRefuseADuplicateId()
    {
        var newer = new AuditKeyRecord("k2", "ES256", Some.Bytes(91, 5), Some.At(10));
        var older = new AuditKeyRecord("k1", "ES256", Some.Bytes(91, 6), Some.At(1));

        Assert.True(await Store.Audit.TryAddKeyAsync(newer, Ct));
        Assert.True(await Store.Audit.TryAddKeyAsync(older, Ct));
        Assert.False(await Store.Audit.TryAddKeyAsync(older with { Algorithm = "ES384" }, Ct));

        var keys = await Store.Audit.ListKeysAsync(Ct);
        Assert.Equal(["k1", "k2"], keys.Select(k => k.KeyId));
        Assert.Equal(older.PublicKeySpki, keys[0].PublicKeySpki);
        Assert.Equal("ES256", keys[0].Algorithm);
        RecordAssert.Time(older.CreatedAt, keys[0].CreatedAt);
    }
}
