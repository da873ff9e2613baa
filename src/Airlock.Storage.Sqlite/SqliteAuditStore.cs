using System.Globalization;
using Airlock.Core.Audit;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore, IDisposable
{
    private const string CheckpointColumns = "tree_size, root_hash, timestamp, key_id, algorithm, signature";

    private const string NextSequence = "SELECT coalesce(max(seq) + 1, 0) FROM audit_records";

    // Appends are the data plane's hottest write (two per agent call), so they run on held connections: one per
    // durability, because synchronous is a connection setting. OperatingSystem: WAL with synchronous=NORMAL, the
    // commit reaches the WAL file (the OS has it) but is not flushed. Disk: synchronous=FULL, flushed at each commit.
    private readonly SqliteHeldConnection toOperatingSystem = new(database, "PRAGMA synchronous = NORMAL");
    private readonly SqliteHeldConnection toDisk = new(database, "PRAGMA synchronous = FULL");

    public Task AppendAsync(IReadOnlyList<StoredAuditRecord> records, AuditDurability durability, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        var held = durability == AuditDurability.Disk ? toDisk : toOperatingSystem;
        return held.RunAsync("append audit records", (connection, _) =>
        {
            // BEGIN IMMEDIATE: the write lock is taken before the size is read, so the contiguity check and the
            // inserts are one atomic step even with another writer on the same file.
            using var transaction = connection.BeginTransaction(deferred: false);
            var count = held.Prepared(NextSequence);
            count.Transaction = transaction;
            var next = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (records[0].Sequence != next)
            {
                throw new StoreException($"sqlite store: audit append must start at sequence {next}, not {records[0].Sequence}");
            }

            var insert = held.Prepared("INSERT INTO audit_records (seq, data, leaf_hash) VALUES ($seq, $data, $leaf)");
            insert.Transaction = transaction;
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var data = insert.Parameters.Add("$data", SqliteType.Blob);
            var leaf = insert.Parameters.Add("$leaf", SqliteType.Blob);
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                if (record.Sequence != records[0].Sequence + i)
                {
                    throw new StoreException("sqlite store: audit records to append are not contiguous");
                }

                seq.Value = record.Sequence;
                data.Value = record.Data;
                leaf.Value = record.LeafHash;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>Closes the connections appends hold; the owning store calls it before it checkpoints and closes the database.</summary>
    public void Dispose()
    {
        toOperatingSystem.Dispose();
        toDisk.Dispose();
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync("count audit records", async (connection, ct) =>
        {
            using var command = connection.Command(NextSequence);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredAuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return database.RunAsync<IReadOnlyList<StoredAuditRecord>>("read audit records", async (connection, ct) =>
        {
            using var command = connection.Command(
                "SELECT seq, data, leaf_hash FROM audit_records WHERE seq >= $from ORDER BY seq LIMIT $limit",
                ("$from", from),
                ("$limit", limit));
            return await command.ReadAllAsync(r => new StoredAuditRecord(r.GetInt64(0), r.GetBytes(1), r.GetBytes(2)), ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<byte[]>> ReadLeafHashesAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return database.RunAsync<IReadOnlyList<byte[]>>("read audit leaf hashes", async (connection, ct) =>
        {
            using var command = connection.Command(
                "SELECT leaf_hash FROM audit_records WHERE seq >= $from ORDER BY seq LIMIT $limit",
                ("$from", from),
                ("$limit", limit));
            return await command.ReadAllAsync(r => r.GetBytes(0), ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<SessionDecisionCounts> CountSessionDecisionsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return database.RunAsync("count a session's audit decisions", async (connection, ct) =>
        {
            using var command = connection.Command(
                "SELECT count(*), count(*) FILTER (WHERE decision = 'deny') FROM audit_records WHERE decision_session_id = $session",
                ("$session", sessionId));
            return (await command.ReadOneAsync(r => new SessionDecisionCounts(r.GetInt64(0), r.GetInt64(1)), ct).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public Task<bool> TryAddCheckpointAsync(SignedTreeHead checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return database.RunAsync("add audit checkpoint", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO audit_checkpoints ({CheckpointColumns}) VALUES ($size, $root, $at, $kid, $alg, $sig)",
                ("$size", checkpoint.TreeSize),
                ("$root", checkpoint.RootHash),
                ("$at", SqliteValues.ToMicroseconds(checkpoint.Timestamp)),
                ("$kid", checkpoint.KeyId),
                ("$alg", checkpoint.Algorithm),
                ("$sig", checkpoint.Signature));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SignedTreeHead>> ListCheckpointsAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SignedTreeHead>>("list audit checkpoints", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {CheckpointColumns} FROM audit_checkpoints ORDER BY tree_size");
            return await command.ReadAllAsync(ReadCheckpoint, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<SignedTreeHead?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync("read the latest audit checkpoint", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {CheckpointColumns} FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1");
            return await command.ReadOneAsync(ReadCheckpoint, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> TryAddKeyAsync(AuditKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.RunAsync("add audit key", async (connection, ct) =>
        {
            using var command = connection.Command(
                "INSERT INTO audit_keys (key_id, algorithm, public_key_spki, created_at) VALUES ($kid, $alg, $spki, $at)",
                ("$kid", key.KeyId),
                ("$alg", key.Algorithm),
                ("$spki", key.PublicKeySpki),
                ("$at", SqliteValues.ToMicroseconds(key.CreatedAt)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditKeyRecord>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<AuditKeyRecord>>("list audit keys", async (connection, ct) =>
        {
            using var command = connection.Command("SELECT key_id, algorithm, public_key_spki, created_at FROM audit_keys ORDER BY created_at, key_id");
            return await command.ReadAllAsync(r => new AuditKeyRecord(r.GetString(0), r.GetString(1), r.GetBytes(2), r.GetTime(3)), ct).ConfigureAwait(false);
        }, cancellationToken);

    private static SignedTreeHead ReadCheckpoint(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetBytes(1), r.GetTime(2), r.GetString(3), r.GetString(4), r.GetBytes(5));
}
