using Airlock.Core.Storage;
using Airlock.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// The embedded provider: every store in one SQLite database, <c>airlock.db</c> in the data directory, in WAL
/// mode with secure delete. Open with <see cref="Open"/>, then call <see cref="MigrateAsync"/> once.
/// </summary>
public sealed class SqliteAirlockStore : IAirlockStore
{
    /// <summary>The database file's name inside the data directory.</summary>
    public const string DatabaseFileName = "airlock.db";

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SqliteDatabase database;
    private readonly TimeProvider time;
    private readonly SqliteAuditStore audit;
    private readonly SqliteBudgetStore budgets;
    private int disposed;

    private SqliteAirlockStore(string databasePath, SqliteDatabase database, TimeProvider time)
    {
        DatabasePath = databasePath;
        this.database = database;
        this.time = time;
        Secrets = new SqliteSecretStore(database);
        Services = new SqliteServiceStore(database);
        Identities = new SqliteIdentityStore(database);
        Sessions = new SqliteSessionStore(database);
        AdminTokens = new SqliteAdminTokenStore(database);
        SigningKeys = new SqliteSigningKeyStore(database);
        audit = new SqliteAuditStore(database);
        budgets = new SqliteBudgetStore(database);
    }

    /// <summary>The newest schema version this build knows; a database with a newer one is refused.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.LatestVersion;

    /// <summary>The full path of <c>airlock.db</c>.</summary>
    public string DatabasePath { get; }

    public ISecretStore Secrets { get; }

    public IServiceStore Services { get; }

    public IIdentityStore Identities { get; }

    public ISessionStore Sessions { get; }

    public IAdminTokenStore AdminTokens { get; }

    public ISigningKeyStore SigningKeys { get; }

    public IAuditStore Audit => audit;

    public IBudgetStore Budgets => budgets;

    /// <summary>
    /// Opens (creating when missing) the database in <paramref name="dataDirectory"/>. A missing directory is
    /// created with mode 0700 and a missing database file with mode 0600 on Unix. Switches the database to WAL
    /// mode and refuses, with a <see cref="StoreException"/>, a database whose schema is newer than this build.
    /// </summary>
    public static SqliteAirlockStore Open(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        var path = Path.Combine(directory, DatabaseFileName);
        try
        {
            CreateDirectory(directory);
            CreateDatabaseFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException("sqlite store: could not create the data directory or its database file", ex);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        var database = new SqliteDatabase(connectionString);
        try
        {
            using var connection = database.Open();
            using (var wal = connection.Command("PRAGMA journal_mode = WAL"))
            {
                // journal_mode is persistent in the file; the pragma answers with the mode now in force.
                var mode = wal.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StoreException("sqlite store: the database could not be switched to WAL mode");
                }
            }

            SqliteMigrator.CheckVersion(connection);
        }
        catch (Exception ex) when (SqliteDatabase.IsStoreFailure(ex))
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw SqliteDatabase.Failure("open", ex);
        }
        catch (StoreException)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw;
        }

        return new SqliteAirlockStore(path, database, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Opens an existing database for reading only (offline verification with the server stopped): nothing is
    /// created, migrated or written. <see cref="MigrateAsync"/> and every write then fail.
    /// </summary>
    public static SqliteAirlockStore OpenReadOnly(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var path = Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName);
        if (!File.Exists(path))
        {
            throw new StoreException($"sqlite store: {path} does not exist");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        var database = new SqliteDatabase(connectionString);
        try
        {
            using var connection = database.Open();
            SqliteMigrator.CheckVersion(connection);
        }
        catch (Exception ex) when (SqliteDatabase.IsStoreFailure(ex))
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw SqliteDatabase.Failure("open read-only", ex);
        }

        return new SqliteAirlockStore(path, database, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The schema version the database is at (0 for an empty file).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync("read the schema version", (connection, _) => Task.FromResult(SqliteMigrator.CheckVersion(connection)), cancellationToken);

    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<bool>("migrate", (connection, _) =>
        {
            SqliteMigrator.Migrate(connection, time);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Checkpoints the WAL into the database file, truncates it, and closes the pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        database.Close();
        audit.Dispose();
        budgets.Dispose();
        using var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            using var open = database.Open();
            SqliteSecretStore.TryCheckpoint(open);
        }
        catch (SqliteException)
        {
            // Best effort: the WAL is checkpointed again by the next open, and closing must not throw.
        }
        finally
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }
    }

    private static void CreateDatabaseFile(string path)
    {
        // SQLite gives -wal and -shm the permissions of the database file, so creating it 0600 covers all three.
        if (File.Exists(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
