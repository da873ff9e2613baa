using System.Diagnostics;
using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;

namespace Airlock.Storage.Tests.Audit;

/// <summary>The audit log over real SQLite: round trip, group commit, bounded waits, checkpoints, recovery.</summary>
public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_DecisionAndOutcome_RoundTripThroughTheCanonicalBytesAndVerify()
    {
        await using var f = await AuditFixture.CreateAsync(ct: Ct);
        var decision = AuditFixture.Decision(1) with { DelegationChain = ["parent-agent"], Reason = "naïve \"quoted\" reason\n" };
        var seq = await f.Log!.AppendAsync(decision, Ct);
        var outcome = new AuditRecord
        {
            Kind = AuditRecordKind.Outcome,
            Time = decision.Time.AddMilliseconds(42),
            SessionId = decision.SessionId,
            DecisionSequence = seq,
            Status = 201,
            BytesIn = 120,
            BytesOut = 4096,
            LatencyMs = 42,
            RedactionCount = 1,
            Redactions = ["github_token"],
        };
        var outcomeSeq = await f.Log.AppendAsync(outcome, Ct);

        Assert.Equal(0, seq);
        Assert.Equal(1, outcomeSeq);
        var rows = await f.Store.Audit.ReadAsync(0, 10, Ct);
        var read = AuditRecordEncoding.Decode(rows[0].Data);
        Assert.Equal(decision with { Sequence = 0, DelegationChain = read.DelegationChain, Policies = read.Policies, Errors = read.Errors, Redactions = read.Redactions }, read);
        Assert.Equal(["parent-agent"], read.DelegationChain);
        Assert.Equal(rows[0].Data, AuditRecordEncoding.Encode(read));
        var readOutcome = AuditRecordEncoding.Decode(rows[1].Data);
        Assert.Equal(0, readOutcome.DecisionSequence);
        Assert.Equal(["github_token"], readOutcome.Redactions);
        Assert.True((await f.VerifyAsync(ct: Ct)).Ok);
    }

    [Fact]
    public async Task AppendDeferred_Alone_IsCommittedOnceItsHoldRunsOut()
    {
        await using var f = await AuditFixture.CreateAsync(new AuditOptions { DeferredHold = TimeSpan.FromMilliseconds(300) }, Ct);
        var clock = Stopwatch.StartNew();

        Assert.True(f.Log!.TryAppendDeferred(AuditFixture.Decision(1)));
        await WaitForSizeAsync(f.Log, 1);

        Assert.True(clock.ElapsedMilliseconds >= 250, $"committed after {clock.ElapsedMilliseconds} ms, before its hold ran out");
        Assert.Equal(0, AuditRecordEncoding.Decode(Assert.Single(await f.Store.Audit.ReadAsync(0, 10, Ct)).Data).Sequence);
    }

    [Fact]
    public async Task AppendDeferred_RidesOnTheNextRecordACallWaitsOn()
    {
        await using var f = await AuditFixture.CreateAsync(new AuditOptions { DeferredHold = TimeSpan.FromSeconds(30) }, Ct);
        Assert.True(f.Log!.TryAppendDeferred(AuditFixture.Decision(1)));
        await Task.Delay(50, Ct);
        Assert.Equal(0, f.Log.Size);
        var clock = Stopwatch.StartNew();

        var urgent = await f.Log.AppendAsync(AuditFixture.Decision(2), Ct);

        Assert.Equal(1, urgent);
        Assert.Equal("ses-1", AuditRecordEncoding.Decode((await f.Store.Audit.ReadAsync(0, 10, Ct))[0].Data).SessionId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the urgent record waited for the deferred one's hold");
    }

    [Fact]
    public async Task AppendDeferred_StillHeld_IsCommittedWhenTheLogCloses()
    {
        await using var f = await AuditFixture.CreateAsync(new AuditOptions { DeferredHold = TimeSpan.FromSeconds(30) }, Ct);
        Assert.True(f.Log!.TryAppendDeferred(AuditFixture.Decision(1)));
        await Task.Delay(50, Ct);

        await f.CloseLogAsync();

        Assert.Equal(0, AuditRecordEncoding.Decode(Assert.Single(await f.Store.Audit.ReadAsync(0, 10, Ct)).Data).Sequence);
    }

    private static async Task WaitForSizeAsync(AuditLog log, long size)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Size < size && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, Ct);
        }
    }

    [Fact]
    public async Task Append_200Concurrent_GetDistinctContiguousSequencesAndVerify()
    {
        await using var f = await AuditFixture.CreateAsync(ct: Ct);

        var seqs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () => await f.Log!.AppendAsync(AuditFixture.Decision(i), Ct), Ct)));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), seqs.Order());
        Assert.Equal(200, f.Log!.Size);
        var checkpoint = await f.Log.CheckpointAsync(Ct);
        Assert.Equal(200, checkpoint.TreeSize);
        var result = await f.VerifyAsync(withFile: true, Ct);
        Assert.True(result.Ok, result.Problem?.Message);
        Assert.Equal(checkpoint.RootHash, result.RootHash);
    }

    [Fact]
    public async Task Append_WhileAnotherConnectionHoldsTheWriteLock_FailsWithinTheBoundAndNeverReportsUnwritten()
    {
        await using var f = await AuditFixture.CreateAsync(new AuditOptions { WriteTimeout = TimeSpan.FromMilliseconds(500) }, Ct);
        await f.Log!.AppendAsync(AuditFixture.Decision(0), Ct);

        long stuckSize;
        using (var blocker = f.OpenRaw())
        {
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }

            var clock = Stopwatch.StartNew();
            var attempts = Enumerable.Range(1, 5).Select(i => f.Log.AppendAsync(AuditFixture.Decision(i), Ct).AsTask()).ToArray();
            foreach (var attempt in attempts)
            {
                await Assert.ThrowsAsync<AuditUnavailableException>(() => attempt);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
            stuckSize = f.Log.Size;
            using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Assert.Equal(1, stuckSize);

        // Once the lock is gone the log writes again, and any decision committed after its caller gave up is
        // followed by an outcome saying the call was refused.
        var next = await AppendEventuallyAsync(f.Log, AuditFixture.Decision(9));
        await f.Log.CheckpointAsync(Ct);
        var result = await f.VerifyAsync(ct: Ct);
        Assert.True(result.Ok, result.Problem?.Message);
        var records = (await f.Store.Audit.ReadAsync(0, 100, Ct)).Select(r => AuditRecordEncoding.Decode(r.Data)).ToList();
        foreach (var late in records.Where(r => r.Kind == AuditRecordKind.Decision && r.Sequence is > 0 && r.Sequence != next))
        {
            Assert.Contains(records, r => r.Kind == AuditRecordKind.Outcome && r.DecisionSequence == late.Sequence && r.Status == 503);
        }
    }

    [Fact]
    public async Task Checkpoints_EveryNRecords_AreStoredAndWrittenToTheFile()
    {
        await using var f = await AuditFixture.CreateAsync(new AuditOptions { CheckpointEvery = 5, CheckpointFile = Path.Combine(Path.GetTempPath(), "unused") }, Ct);
        await f.CloseLogAsync();
        await f.OpenLogAsync(new AuditOptions { CheckpointEvery = 5, CheckpointFile = f.CheckpointFilePath }, Ct);

        await f.AppendDecisionsAsync(12, Ct);
        await f.CloseLogAsync();

        var sizes = (await f.Store.Audit.ListCheckpointsAsync(Ct)).Select(c => c.TreeSize).ToArray();
        Assert.Equal([5L, 10L, 12L], sizes);
        Assert.Equal(sizes, CheckpointFile.Read(f.CheckpointFilePath).Select(c => c.TreeSize));
        var result = await f.VerifyAsync(withFile: true, Ct);
        Assert.True(result.Ok, result.Problem?.Message);
        Assert.Equal(3, result.CheckpointsVerified);
    }

    [Fact]
    public async Task Reopen_RebuildsTheFrontierAndContinuesTheSequence()
    {
        await using var f = await AuditFixture.CreateAsync(ct: Ct);
        await f.AppendDecisionsAsync(7, Ct);
        var root = (await f.Log!.CheckpointAsync(Ct)).RootHash;
        await f.CloseLogAsync();

        var log = await f.OpenLogAsync(ct: Ct);

        Assert.Equal(7, log.Size);
        Assert.Equal(root, log.LatestCheckpoint?.RootHash);
        Assert.Equal(7, await log.AppendAsync(AuditFixture.Decision(7), Ct));
        var checkpoint = await log.CheckpointAsync(Ct);
        var leaves = await f.Store.Audit.ReadLeafHashesAsync(0, 100, Ct);
        Assert.Equal(MerkleTree.FromLeafHashes(leaves).RootAt(8), checkpoint.RootHash);
        Assert.True((await f.VerifyAsync(withFile: true, Ct)).Ok);
    }

    [Fact]
    public async Task Hmac_IsKeyedStableAcrossLoadsAndNeverShowsTheValue()
    {
        await using var f = await AuditFixture.CreateAsync(ct: Ct);
        using var first = await AuditHmac.LoadOrCreateAsync(f.Vault, Ct);
        using var again = await AuditHmac.LoadOrCreateAsync(f.Vault, Ct);

        var digest = first.Digest("canary-secret-value");

        Assert.StartsWith(AuditHmac.Prefix, digest, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", digest, StringComparison.Ordinal);
        Assert.Equal(digest, again.Digest("canary-secret-value"));
        Assert.NotEqual(digest, first.Digest("canary-secret-valuf"));
        Assert.Empty(await f.Vault.ListAsync(Ct));
    }

    private static async Task<long> AppendEventuallyAsync(AuditLog log, AuditRecord record)
    {
        // The writer may still be finishing the batch the lock held up; a refusal then is the bounded wait working.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await log.AppendAsync(record, Ct);
            }
            catch (AuditUnavailableException) when (attempt < 20)
            {
            }
        }
    }
}
