using System.Threading.Channels;
using Airlock.Core.Audit.Merkle;
using Airlock.Core.Storage;

namespace Airlock.Core.Audit;

/// <summary>
/// The append-only, tamper-evident audit log (R13). <see cref="AppendAsync"/> returns a record's sequence number
/// only once it is durably committed; concurrent appends are batched by one writer loop into one transaction
/// (group commit), and the Merkle frontier moves only after the commit. Every wait is bounded: a record not
/// committed within <see cref="AuditOptions.WriteTimeout"/> is refused with <see cref="AuditUnavailableException"/>,
/// so a stuck store refuses calls instead of freezing them. Checkpoints are signed every
/// <see cref="AuditOptions.CheckpointEvery"/> records or <see cref="AuditOptions.CheckpointInterval"/>.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    private const int RecoveryPageSize = 10_000;

    private readonly IAuditStore _store;
    private readonly AuditSigner _signer;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Work> _queue;
    private readonly MerkleFrontier _frontier;
    private readonly Task _writer;
    private readonly ITimer _checkpointTimer;
    private volatile SignedTreeHead? _latestCheckpoint;
    private long _committedSize;
    private bool _needsResync;

    private AuditLog(IAuditStore store, AuditSigner signer, AuditOptions options, TimeProvider time, MerkleFrontier frontier, SignedTreeHead? latest)
    {
        _store = store;
        _signer = signer;
        _options = options;
        _time = time;
        _frontier = frontier;
        _committedSize = frontier.Size;
        _latestCheckpoint = latest;
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
        _checkpointTimer = time.CreateTimer(
            static state => ((AuditLog)state!)._queue.Writer.TryWrite(CheckpointTick.Instance),
            this,
            options.CheckpointInterval,
            options.CheckpointInterval);
    }

    /// <summary>The number of committed records.</summary>
    public long Size => Interlocked.Read(ref _committedSize);

    /// <summary>The newest checkpoint, or null before the first.</summary>
    public SignedTreeHead? LatestCheckpoint => _latestCheckpoint;

    /// <summary>The key checkpoints are signed with.</summary>
    public AuditKeyRecord SigningKey => _signer.Key;

    /// <summary>
    /// Opens the log: rebuilds the Merkle frontier from the stored leaf hashes and checks it against the last
    /// checkpoint. Throws <see cref="AuditIntegrityException"/>, naming the first bad record where it can, when
    /// the log does not match its last checkpoint (changed, reordered or truncated).
    /// </summary>
    public static async Task<AuditLog> OpenAsync(IAuditStore store, AuditSigner signer, AuditOptions options, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckpointEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WriteTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CheckpointInterval, TimeSpan.Zero);

        var count = await store.CountAsync(ct).ConfigureAwait(false);
        var latest = await store.GetLatestCheckpointAsync(ct).ConfigureAwait(false);
        var frontier = new MerkleFrontier();
        byte[]? rootAtCheckpoint = latest is { TreeSize: 0 } ? MerkleHash.EmptyRootCopy() : null;
        while (frontier.Size < count)
        {
            var page = await store.ReadLeafHashesAsync(frontier.Size, RecoveryPageSize, ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var leaf in page)
            {
                frontier.Append(leaf);
                if (latest is not null && frontier.Size == latest.TreeSize)
                {
                    rootAtCheckpoint = frontier.Root();
                }
            }
        }

        if (frontier.Size != count)
        {
            throw await IntegrityFailureAsync(store, $"the audit log holds {frontier.Size} records but its highest sequence number is {count - 1}: a record was deleted", ct).ConfigureAwait(false);
        }

        if (latest is not null)
        {
            var keys = (await store.ListKeysAsync(ct).ConfigureAwait(false)).ToDictionary(k => k.KeyId, StringComparer.Ordinal);
            if (!AuditSigner.Verify(latest, keys))
            {
                throw new AuditIntegrityException($"the signature of the audit checkpoint at tree size {latest.TreeSize} does not verify", latest.TreeSize);
            }

            if (latest.TreeSize > count)
            {
                throw new AuditIntegrityException(
                    $"the audit log holds {count} records but its last checkpoint covers {latest.TreeSize}: the log was truncated from record {count} on", count);
            }

            if (rootAtCheckpoint is null || !rootAtCheckpoint.AsSpan().SequenceEqual(latest.RootHash))
            {
                throw await IntegrityFailureAsync(store, $"the audit log does not match its checkpoint at tree size {latest.TreeSize}", ct).ConfigureAwait(false);
            }
        }

        return new AuditLog(store, signer, options, time, frontier, latest);
    }

    /// <summary>
    /// Appends a record (its <see cref="AuditRecord.Sequence"/> is assigned here) and returns its sequence number
    /// once committed. Throws <see cref="AuditUnavailableException"/> when it is not committed within the bounded
    /// wait or the store refuses it: the call the record describes must then not happen.
    /// </summary>
    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new Entry(record, waited: true);
        if (!_queue.Writer.TryWrite(entry))
        {
            throw new AuditUnavailableException("the audit log is not accepting records (its queue is full or it is closed); the call was refused");
        }

        try
        {
            return await entry.Completion.Task.WaitAsync(_options.WriteTimeout, _time, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // INVARIANT: an entry the writer has not claimed is never written; one it has claimed may still
            // commit, and then the writer seals a follow-up record saying the call was refused. One atomic state
            // change decides which, so a record is never both reported written and followed by a refusal.
            if (entry.GiveUp())
            {
                return await entry.Completion.Task.ConfigureAwait(false);
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new AuditUnavailableException($"the audit record was not committed within {_options.WriteTimeout.TotalMilliseconds:0} ms; the call was refused", e);
        }
    }

    /// <summary>
    /// Queues a record no call waits on, such as the outcome of a call whose answer the agent already has, and returns
    /// at once. The writer may hold it up to <see cref="AuditOptions.DeferredHold"/> so that it commits with the next
    /// record a call does wait on; a closing log commits what it holds. False when the log is not accepting records
    /// (its queue is full or it is closed): the record is not written.
    /// </summary>
    public bool TryAppendDeferred(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _queue.Writer.TryWrite(new Entry(record, waited: false, deferrable: true));
    }

    /// <summary>Signs a checkpoint of the current log now (or returns the latest when nothing is new).</summary>
    public async Task<SignedTreeHead> CheckpointAsync(CancellationToken ct = default)
    {
        var request = new CheckpointRequest();
        if (!_queue.Writer.TryWrite(request))
        {
            throw new AuditUnavailableException("the audit log is not accepting requests");
        }

        return await request.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stops accepting records, commits what is queued, writes a last checkpoint and stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        await _checkpointTimer.DisposeAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private static async Task<AuditIntegrityException> IntegrityFailureAsync(IAuditStore store, string what, CancellationToken ct)
    {
        var result = await AuditVerifier.VerifyAsync(store, null, ct).ConfigureAwait(false);
        return result.Problem is { } problem
            ? new AuditIntegrityException($"refusing to open the audit log: {what}; {problem.Message}", problem.Sequence)
            : new AuditIntegrityException($"refusing to open the audit log: {what}", (long?)null);
    }
}
