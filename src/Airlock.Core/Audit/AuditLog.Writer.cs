using Airlock.Core.Audit.Merkle;

namespace Airlock.Core.Audit;

/// <summary>The single writer: group commit, the frontier after each commit, and checkpoints.</summary>
public sealed partial class AuditLog
{
    private async Task WriteLoopAsync()
    {
        var batch = new List<Entry>(_options.MaxBatch);
        var requests = new List<CheckpointRequest>();
        var tick = false;
        void Drain()
        {
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var work))
            {
                switch (work)
                {
                    case Entry entry:
                        batch.Add(entry);
                        break;
                    case CheckpointRequest request:
                        requests.Add(request);
                        break;
                    default:
                        tick = true;
                        break;
                }
            }
        }

        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain();
            if (batch.Count > 0 && batch.Count < _options.MaxBatch && requests.Count == 0 && batch.TrueForAll(e => e.Deferrable))
            {
                // Nothing here gates a call: hold it briefly so it rides on the next decision's commit instead of
                // taking a commit of its own that the next decision would queue behind. Real time on purpose: this
                // is a latency trade, not behaviour a test clock should have to drive.
                using var hold = new CancellationTokenSource(_options.DeferredHold);
                try
                {
                    await _queue.Reader.WaitToReadAsync(hold.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The hold ran out: commit what there is.
                }

                Drain();
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }

            var latestSize = _latestCheckpoint?.TreeSize ?? -1;
            if (requests.Count > 0 || (tick && _frontier.Size > latestSize) || _frontier.Size - Math.Max(latestSize, 0) >= _options.CheckpointEvery)
            {
                await WriteCheckpointAsync(requests).ConfigureAwait(false);
                requests.Clear();
            }

            tick = false;
        }

        // Closed: a last checkpoint covers whatever the periodic ones did not.
        if (_frontier.Size > (_latestCheckpoint?.TreeSize ?? 0))
        {
            await WriteCheckpointAsync(requests).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<Entry> batch)
    {
        try
        {
            if (_needsResync)
            {
                await ResyncAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            FailAll(batch, e);
            return;
        }

        var rows = new List<StoredAuditRecord>(batch.Count);
        var claimed = new List<Entry>(batch.Count);
        foreach (var entry in batch)
        {
            if (!entry.TryClaim())
            {
                continue; // its caller gave up before the write began: it is never written
            }

            try
            {
                var record = entry.Record with { Sequence = _frontier.Size + rows.Count };
                var data = AuditRecordEncoding.Encode(record);
                rows.Add(new StoredAuditRecord(record.Sequence, data, MerkleHash.Leaf(data)));
                claimed.Add(entry);
            }
            catch (ArgumentException e)
            {
                entry.Completion.TrySetException(e);
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await _store.AppendAsync(rows, _options.Durability, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The commit may or may not have happened; read the store's size again before the next write.
            _needsResync = true;
            FailAll(claimed, e);
            return;
        }

        foreach (var row in rows)
        {
            _frontier.Append(row.LeafHash);
        }

        Interlocked.Exchange(ref _committedSize, _frontier.Size);
        for (var i = 0; i < claimed.Count; i++)
        {
            var entry = claimed[i];
            var stillWaiting = entry.TryMarkCommitted();
            entry.Completion.TrySetResult(rows[i].Sequence);
            if (!stillWaiting && entry.Record.Kind == AuditRecordKind.Decision)
            {
                // The caller was told the record was not written and refused the call; say so in the log.
                _queue.Writer.TryWrite(new Entry(RefusalOutcome(rows[i].Sequence, entry.Record), waited: false));
            }
        }
    }

    private AuditRecord RefusalOutcome(long decisionSequence, AuditRecord decision) => new()
    {
        Kind = AuditRecordKind.Outcome,
        Time = _time.GetUtcNow(),
        SessionId = decision.SessionId,
        AgentId = decision.AgentId,
        UserId = decision.UserId,
        DelegationChain = decision.DelegationChain,
        Method = decision.Method,
        Service = decision.Service,
        Path = decision.Path,
        DecisionSequence = decisionSequence,
        Status = 503,
        Errors = ["the decision record was committed after its bounded wait; the call was refused and not forwarded"],
    };

    private async Task ResyncAsync()
    {
        var count = await _store.CountAsync().ConfigureAwait(false);
        if (count != _frontier.Size)
        {
            var leaves = await _store.ReadLeafHashesAsync(_frontier.Size, checked((int)(count - _frontier.Size))).ConfigureAwait(false);
            foreach (var leaf in leaves)
            {
                _frontier.Append(leaf);
            }

            Interlocked.Exchange(ref _committedSize, _frontier.Size);
        }

        _needsResync = false;
    }

    private static void FailAll(List<Entry> entries, Exception cause)
    {
        foreach (var entry in entries)
        {
            entry.Completion.TrySetException(new AuditUnavailableException("the audit store failed to commit the record; the call was refused", cause));
        }
    }

    private async Task WriteCheckpointAsync(List<CheckpointRequest> requests)
    {
        try
        {
            var latest = _latestCheckpoint;
            if (latest is null || latest.TreeSize != _frontier.Size)
            {
                var checkpoint = _signer.Sign(_frontier.Size, _frontier.Root(), _time.GetUtcNow());
                await _store.TryAddCheckpointAsync(checkpoint).ConfigureAwait(false);
                _latestCheckpoint = checkpoint;
                latest = checkpoint;
                if (_options.CheckpointFile is { } file)
                {
                    try
                    {
                        await CheckpointFile.AppendAsync(file, checkpoint).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        _options.OnWarning?.Invoke($"the audit checkpoint at tree size {checkpoint.TreeSize} was not written to the checkpoint file", e);
                    }
                }
            }

            foreach (var request in requests)
            {
                request.Completion.TrySetResult(latest);
            }
        }
        catch (Exception e)
        {
            _options.OnWarning?.Invoke("an audit checkpoint could not be written; the next one will cover its records", e);
            foreach (var request in requests)
            {
                request.Completion.TrySetException(e);
            }
        }
    }

    private abstract class Work;

    private sealed class CheckpointTick : Work
    {
        public static readonly CheckpointTick Instance = new();
    }

    private sealed class CheckpointRequest : Work
    {
        public TaskCompletionSource<SignedTreeHead> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Entry(AuditRecord record, bool waited, bool deferrable = false) : Work
    {
        private const int Pending = 0;
        private const int Claimed = 1;
        private const int Abandoned = 2;
        private const int Committed = 3;
        private const int GaveUpInFlight = 4;
        private int _state = waited ? Pending : Claimed;

        public AuditRecord Record { get; } = record;

        /// <summary>No call waits on this record (an outcome sealed after its answer): it may wait for company.</summary>
        public bool Deferrable { get; } = deferrable;

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The writer takes the entry into a batch; false when its caller already gave up.</summary>
        public bool TryClaim() => Volatile.Read(ref _state) == Claimed || Interlocked.CompareExchange(ref _state, Claimed, Pending) == Pending;

        /// <summary>After the commit: true when the caller is still waiting, false when it gave up while the write ran.</summary>
        public bool TryMarkCommitted() => Interlocked.CompareExchange(ref _state, Committed, Claimed) == Claimed;

        /// <summary>The caller stops waiting. Returns whether the record was already committed (then it counts as written).</summary>
        public bool GiveUp()
        {
            while (true)
            {
                var state = Volatile.Read(ref _state);
                var next = state switch
                {
                    Pending => Abandoned,
                    Claimed => GaveUpInFlight,
                    _ => state,
                };
                if (next == state || Interlocked.CompareExchange(ref _state, next, state) == state)
                {
                    return state == Committed;
                }
            }
        }
    }
}
