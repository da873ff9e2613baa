using Airlock.Core.Audit;

namespace Airlock.Core.Storage;

/// <summary>
/// The audit log's rows: records with their leaf hashes, signed checkpoints and the checkpoint keys' public
/// halves. Records are only ever appended; nothing here updates or deletes one.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends records in one transaction: all or none. The first sequence number must be the current size and
    /// the rest must follow without a gap, or nothing is written and a <see cref="StoreException"/> is thrown.
    /// </summary>
    Task AppendAsync(IReadOnlyList<StoredAuditRecord> records, AuditDurability durability, CancellationToken cancellationToken = default);

    /// <summary>Appends with <see cref="AuditDurability.Disk"/>: the records are on the disk when this returns.</summary>
    Task AppendAsync(IReadOnlyList<StoredAuditRecord> records, CancellationToken cancellationToken = default) =>
        AppendAsync(records, AuditDurability.Disk, cancellationToken);

    /// <summary>The number of records: the next sequence number.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> records with sequence ≥ <paramref name="from"/>, in order. Returns what is stored, gaps included.</summary>
    Task<IReadOnlyList<StoredAuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default);

    /// <summary>The leaf hashes of records from <paramref name="from"/> on, up to <paramref name="limit"/>, in sequence order.</summary>
    Task<IReadOnlyList<byte[]>> ReadLeafHashesAsync(long from, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many decision records of the session are stored, and how many of them are denials: the session's
    /// <c>context.history</c> as of the last append.
    /// </summary>
    Task<SessionDecisionCounts> CountSessionDecisionsAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Stores a checkpoint; false, changing nothing, when one of that tree size exists.</summary>
    Task<bool> TryAddCheckpointAsync(SignedTreeHead checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint, smallest tree first.</summary>
    Task<IReadOnlyList<SignedTreeHead>> ListCheckpointsAsync(CancellationToken cancellationToken = default);

    /// <summary>The checkpoint of the largest tree, or null.</summary>
    Task<SignedTreeHead?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a checkpoint key's public half; false, changing nothing, when the key id exists.</summary>
    Task<bool> TryAddKeyAsync(AuditKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint key, oldest first (ties by key id).</summary>
    Task<IReadOnlyList<AuditKeyRecord>> ListKeysAsync(CancellationToken cancellationToken = default);
}
