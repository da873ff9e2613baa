using System.Globalization;
using Airlock.Core.Audit;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// Appends audit records on one connection it keeps open, with its statements prepared once. Every agent call
/// appends twice (its decision, then its outcome), so this is the data plane's hottest write: a pooled open, the
/// connection pragmas and three statements parsed again on each commit cost more than the insert itself. Appends
/// are serialized here; a failure closes the connection, and the next append opens a fresh one.
/// <para>
/// The connection does not checkpoint the WAL itself: SQLite's automatic checkpoint runs inside whichever commit
/// crosses the threshold and flushes the database file, a few milliseconds that one agent call would wait. The WAL
/// is checkpointed instead in the background, off the calls' path, once enough commits have gone into it.
/// </para>
/// </summary>
internal sealed class SqliteAuditAppender(SqliteDatabase database) : IDisposable
{
    // About 1,000 WAL pages, SQLite's own automatic threshold, at a few pages per commit.
    private const int CommitsPerCheckpoint = 300;

    private readonly Lock gate = new();
    private int commitsSinceCheckpoint;
    private Task checkpoint = Task.CompletedTask;
    private SqliteConnection? connection;
    private SqliteCommand? nextSequence;
    private SqliteCommand? insert;
    private AuditDurability? synchronousFor;
    private bool disposed;

    public void Append(IReadOnlyList<StoredAuditRecord> records, AuditDurability durability)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            try
            {
                AppendLocked(records, durability);
            }
            catch (Exception e) when (SqliteDatabase.IsStoreFailure(e))
            {
                Reset();
                throw SqliteDatabase.Failure("append audit records", e);
            }
            catch (StoreException)
            {
                Reset();
                throw;
            }
        }
    }

    public void Dispose()
    {
        Task running;
        lock (gate)
        {
            disposed = true;
            Reset();
            running = checkpoint;
        }

        // The store checkpoints and truncates the WAL once this returns; a background checkpoint must be done first.
        running.Wait();
    }

    private void AppendLocked(IReadOnlyList<StoredAuditRecord> records, AuditDurability durability)
    {
        var open = Connection();
        if (synchronousFor != durability)
        {
            // OperatingSystem: WAL with synchronous=NORMAL, the commit reaches the WAL file (the OS has it) but is not
            // flushed; Disk keeps the connection default, FULL. This connection is the appender's own, so other
            // writes keep FULL either way.
            using var pragma = open.Command(durability == AuditDurability.OperatingSystem ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
            pragma.ExecuteNonQuery();
            synchronousFor = durability;
        }

        // BEGIN IMMEDIATE: the write lock is taken before the size is read, so the contiguity check and the inserts
        // are one atomic step even with another writer on the same file.
        using var transaction = open.BeginTransaction(deferred: false);
        nextSequence!.Transaction = transaction;
        var next = Convert.ToInt64(nextSequence.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (records[0].Sequence != next)
        {
            throw new StoreException($"sqlite store: audit append must start at sequence {next}, not {records[0].Sequence}");
        }

        insert!.Transaction = transaction;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Sequence != records[0].Sequence + i)
            {
                throw new StoreException("sqlite store: audit records to append are not contiguous");
            }

            insert.Parameters[0].Value = record.Sequence;
            insert.Parameters[1].Value = record.Data;
            insert.Parameters[2].Value = record.LeafHash;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        if (++commitsSinceCheckpoint >= CommitsPerCheckpoint && checkpoint.IsCompleted)
        {
            commitsSinceCheckpoint = 0;
            checkpoint = Task.Run(CheckpointInBackground);
        }
    }

    private void CheckpointInBackground()
    {
        try
        {
            // PASSIVE: copies what it can without waiting for readers or blocking the appender's next commit.
            using var connection = database.Open();
            using var command = connection.Command("PRAGMA wal_checkpoint(PASSIVE)");
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Best effort: the next one, another connection's automatic checkpoint or the store's close catches up.
        }
    }

    private SqliteConnection Connection()
    {
        if (connection is not null)
        {
            return connection;
        }

        var open = database.Open();
        try
        {
            using (var noAutomaticCheckpoint = open.Command("PRAGMA wal_autocheckpoint = 0"))
            {
                noAutomaticCheckpoint.ExecuteNonQuery();
            }

            nextSequence = open.Command("SELECT coalesce(max(seq) + 1, 0) FROM audit_records");
            nextSequence.Prepare();
            insert = open.Command("INSERT INTO audit_records (seq, data, leaf_hash) VALUES ($seq, $data, $leaf)");
            insert.Parameters.Add("$seq", SqliteType.Integer);
            insert.Parameters.Add("$data", SqliteType.Blob);
            insert.Parameters.Add("$leaf", SqliteType.Blob);
            insert.Prepare();
        }
        catch
        {
            open.Dispose();
            throw;
        }

        synchronousFor = null;
        return connection = open;
    }

    private void Reset()
    {
        nextSequence?.Dispose();
        insert?.Dispose();
        connection?.Dispose();
        (nextSequence, insert, connection, synchronousFor) = (null, null, null, null);
    }
}
