using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// One connection kept open for a hot path's writes (audit appends, budget reserve and settle), with its own pragmas
/// applied once and its statements prepared once. A pooled open re-applies the connection pragmas and every statement
/// is parsed again, which on an agent call's path costs more than the writes themselves. Operations run one at a
/// time; a failure closes the connection, and the next operation opens a fresh one.
/// <para>
/// The connection does not checkpoint the WAL itself: SQLite's automatic checkpoint runs inside whichever commit
/// crosses its threshold and flushes the database file, milliseconds that one agent call would wait. A PASSIVE
/// checkpoint runs instead in the background, on a connection of its own, every so many operations.
/// </para>
/// </summary>
internal sealed class SqliteHeldConnection(SqliteDatabase database, string pragmas) : IDisposable
{
    // About 1,000 WAL pages, SQLite's own automatic threshold, at a few pages per operation.
    private const int OperationsPerCheckpoint = 300;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
    private int operationsSinceCheckpoint;
    private Task checkpoint = Task.CompletedTask;
    private bool disposed;

    public async Task<T> RunAsync<T>(string operation, Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var result = await body(Connection(), cancellationToken).ConfigureAwait(false);
            if (++operationsSinceCheckpoint >= OperationsPerCheckpoint && checkpoint.IsCompleted)
            {
                operationsSinceCheckpoint = 0;
                checkpoint = Task.Run(CheckpointInBackground, CancellationToken.None);
            }

            return result;
        }
        catch (Exception ex) when (SqliteDatabase.IsStoreFailure(ex))
        {
            Close();
            throw SqliteDatabase.Failure(operation, ex);
        }
        catch
        {
            Close();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The statement for <paramref name="sql"/> on the held connection, prepared on first use and kept until the
    /// connection closes; its parameters are cleared. Only inside <see cref="RunAsync"/>, and never disposed by callers.
    /// </summary>
    public SqliteCommand Prepared(string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection!.Command(sql);
            prepared[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = null;
        return command;
    }

    public void Dispose()
    {
        Task running;
        gate.Wait();
        try
        {
            disposed = true;
            Close();
            running = checkpoint;
        }
        finally
        {
            gate.Release();
        }

        // The store checkpoints and truncates the WAL once this returns; a background checkpoint must be done first.
        running.Wait();
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
            using var command = open.Command("PRAGMA wal_autocheckpoint = 0; " + pragmas);
            command.ExecuteNonQuery();
        }
        catch
        {
            open.Dispose();
            throw;
        }

        return connection = open;
    }

    private void CheckpointInBackground()
    {
        try
        {
            // PASSIVE: copies what it can without waiting for readers or blocking the held connection's next commit.
            using var open = database.Open();
            using var command = open.Command("PRAGMA wal_checkpoint(PASSIVE)");
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Best effort: the next one, another connection's automatic checkpoint or the store's close catches up.
        }
    }

    private void Close()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
        connection?.Dispose();
        connection = null;
    }
}
