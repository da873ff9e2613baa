using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// The one place that opens connections and turns provider failures into <see cref="StoreException"/>.
/// Connection per operation: Microsoft.Data.Sqlite pools the underlying handles, so an open is cheap.
/// </summary>
internal sealed class SqliteDatabase(string connectionString)
{
    // Per-connection settings, applied on every open because a pooled handle may be new.
    // secure_delete: deleted rows and freed pages are overwritten with zeros, so no wrapped key or ciphertext
    //   survives in a free page (https://sqlite.org/pragma.html#pragma_secure_delete).
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss; a revocation or a key
    //   rotation that was acknowledged must not come back undone, and the control plane writes rarely.
    // temp_store=MEMORY: sorts and temporary tables never spill rows to a file outside the data directory.
    private const string ConnectionPragmas =
        "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL; " +
        "PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 5000;";

    private volatile bool closed;

    public string ConnectionString { get; } = connectionString;

    /// <summary>Refuses further operations; the store that owns this database has been disposed.</summary>
    public void Close() => closed = true;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> on a fresh connection; provider failures become a <see cref="StoreException"/> naming <paramref name="operation"/>.</summary>
    public async Task<T> RunAsync<T>(string operation, Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = Open();
            return await body(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            throw Failure(operation, ex);
        }
    }

    public static StoreException Failure(string operation, Exception inner) =>
        new($"sqlite store: {operation} failed", inner);

    // Decoding failures of stored JSON or values count as store failures too: the data is not what was written.
    public static bool IsStoreFailure(Exception ex) =>
        ex is SqliteException or System.Text.Json.JsonException or InvalidCastException or FormatException or UriFormatException or OverflowException;

    /// <summary>A PRIMARY KEY or UNIQUE violation: the row exists. Other constraint failures (NOT NULL, CHECK) are errors.</summary>
    public static bool IsUniqueViolation(SqliteException ex) =>
        ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT
        && ex.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY or SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE;

    /// <summary>Runs an INSERT; false when a PRIMARY KEY or UNIQUE constraint refused it, so the insert is atomic with its check.</summary>
    public static async Task<bool> TryInsertAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException ex) when (IsUniqueViolation(ex))
        {
            return false;
        }
    }
}
