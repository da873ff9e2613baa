using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;

namespace Airlock.Storage.Tests.Audit;

/// <summary>Invariant 5: any change, reorder or truncation of stored records is detected and the first bad record named.</summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private AuditFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _f = await AuditFixture.CreateAsync(ct: Ct);
        await _f.AppendDecisionsAsync(10, Ct);
        await _f.Log!.CheckpointAsync(Ct);
        await _f.CloseLogAsync();
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Untouched_Verifies()
    {
        var result = await _f.VerifyAsync(withFile: true, Ct);

        Assert.True(result.Ok, result.Problem?.Message);
        Assert.Equal(10, result.RecordCount);
        Assert.Equal(1, result.CheckpointsVerified);
        Assert.Equal(1, result.ExternalCheckpointsVerified);
    }

    [Fact]
    public async Task FlippedByte_IsDetectedAtThatRecord()
    {
        var data = _f.ReadBlob("SELECT data FROM audit_records WHERE seq = 3");
        data[data.Length / 2] ^= 0x01;
        _f.Sql("UPDATE audit_records SET data = $d WHERE seq = 3", ("$d", data));

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.LeafHashMismatch, result.Problem?.Kind);
        Assert.Equal(3, result.Problem?.Sequence);
    }

    [Fact]
    public async Task ChangedRecordWithRecomputedLeafHash_IsCaughtByTheCheckpoint()
    {
        var data = _f.ReadBlob("SELECT data FROM audit_records WHERE seq = 4");
        var text = System.Text.Encoding.UTF8.GetString(data).Replace("\"deny\"", "\"permit\"", StringComparison.Ordinal).Replace("\"permit\"", "\"deny\"", StringComparison.Ordinal);
        var changed = System.Text.Encoding.UTF8.GetBytes(text);
        _f.Sql("UPDATE audit_records SET data = $d, leaf_hash = $h WHERE seq = 4", ("$d", changed), ("$h", MerkleHash.Leaf(changed)));

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.CheckpointMismatch, result.Problem?.Kind);
        Assert.Equal(0, result.Problem?.Sequence);
    }

    [Fact]
    public async Task DeletedRecord_IsDetectedAtThatSequence()
    {
        _f.Sql("DELETE FROM audit_records WHERE seq = 4");

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.MissingRecord, result.Problem?.Kind);
        Assert.Equal(4, result.Problem?.Sequence);
    }

    [Fact]
    public async Task SwappedRecords_AreDetectedAtTheFirst()
    {
        _f.Sql("""
            UPDATE audit_records SET seq = 1000000 WHERE seq = 2;
            UPDATE audit_records SET seq = 2 WHERE seq = 6;
            UPDATE audit_records SET seq = 6 WHERE seq = 1000000;
            """);

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.SequenceMismatch, result.Problem?.Kind);
        Assert.Equal(2, result.Problem?.Sequence);
    }

    [Fact]
    public async Task TruncatedLog_IsDetectedByTheStoredCheckpoint()
    {
        _f.Sql("DELETE FROM audit_records WHERE seq >= 7");

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.Truncated, result.Problem?.Kind);
        Assert.Equal(7, result.Problem?.Sequence);
    }

    [Fact]
    public async Task TruncatedLogAndCheckpoints_AreDetectedOnlyByTheExportedCheckpoint()
    {
        _f.Sql("DELETE FROM audit_records WHERE seq >= 7; DELETE FROM audit_checkpoints;");

        Assert.True((await _f.VerifyAsync(ct: Ct)).Ok);
        var result = await _f.VerifyAsync(withFile: true, Ct);

        Assert.Equal(AuditProblemKind.Truncated, result.Problem?.Kind);
        Assert.Equal(7, result.Problem?.Sequence);
    }

    [Fact]
    public async Task RewrittenLogAfterTheExport_IsDetectedByTheExportedCheckpoint()
    {
        // An attacker rewrites record 5 consistently and drops the checkpoints they cannot re-sign.
        var original = System.Text.Encoding.UTF8.GetString(_f.ReadBlob("SELECT data FROM audit_records WHERE seq = 5"));
        var data = System.Text.Encoding.UTF8.GetBytes(original.Replace("creating issue #5", "creating issue #6", StringComparison.Ordinal));
        _f.Sql("UPDATE audit_records SET data = $d, leaf_hash = $h WHERE seq = 5; DELETE FROM audit_checkpoints;", ("$d", data), ("$h", MerkleHash.Leaf(data)));

        var result = await _f.VerifyAsync(withFile: true, Ct);

        Assert.Equal(AuditProblemKind.CheckpointMismatch, result.Problem?.Kind);
    }

    [Fact]
    public async Task ForgedCheckpointSignature_IsDetected()
    {
        _f.Sql("UPDATE audit_checkpoints SET timestamp = timestamp + 1");

        var result = await _f.VerifyAsync(ct: Ct);

        Assert.Equal(AuditProblemKind.BadCheckpointSignature, result.Problem?.Kind);
    }

    [Fact]
    public async Task Reopen_AfterTruncation_RefusesNamingTheFirstMissingRecord()
    {
        _f.Sql("DELETE FROM audit_records WHERE seq >= 8");

        var e = await Assert.ThrowsAsync<AuditIntegrityException>(() => _f.OpenLogAsync(ct: Ct));

        Assert.Equal(8, e.Sequence);
    }

    [Fact]
    public async Task Reopen_AfterAChangedLeafHash_RefusesNamingTheRecord()
    {
        _f.Sql("UPDATE audit_records SET leaf_hash = zeroblob(32) WHERE seq = 6");

        var e = await Assert.ThrowsAsync<AuditIntegrityException>(() => _f.OpenLogAsync(ct: Ct));

        Assert.Equal(6, e.Sequence);
    }
}
