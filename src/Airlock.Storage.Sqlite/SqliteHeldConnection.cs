using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// One connection kept open for a hot path's writes, with its own pragmas applied once. A pooled open re-applies
/// the connection pragmas every time, which on an agent call's path costs more than the writes themselves.
/// Operations on it run one at a time; a failure closes it, and the next operation opens a fresh one.
/// </summary>
internal sealed class SqliteHeldConnection(SqliteDatabase database, string pragmas) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private bool disposed;

    public async Task<T> RunAsync<T>(string operation, Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return await body(Connection(), cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        gate.Wait();
        try
        {
            disposed = true;
            Close();
        }
        finally
        {
            gate.Release();
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
            using var command = open.Command(pragmas);
            command.ExecuteNonQuery();
        }
        catch
        {
            open.Dispose();
            throw;
        }

        return connection = open;
    }

    private void Close()
    {
        connection?.Dispose();
        connection = null;
    }
}
