using System.Runtime.Versioning;
using Airlock.Core.Storage;
using Airlock.Storage.Sqlite;
using Airlock.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Tests.Sqlite;

/// <summary>What the SQLite provider promises beyond the contract: files, modes, pragmas and migrations.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(directory.Path, SqliteAirlockStore.DatabaseFileName);

    public void Dispose() => directory.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Open_MissingDirectory_CreatesItAndTheDatabaseOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");

        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
            Assert.Equal(DatabasePath, store.DatabasePath);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabasePath));
    }

    [Fact]
    public async Task Open_Twice_MigratesOnceAndKeepsData()
    {
        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
            await store.MigrateAsync(Ct);
            Assert.True(await store.Identities.TryAddAgentAsync(Some.Agent("a1", "ops"), Ct));
            Assert.True(await store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 1), Ct));
        }

        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
            RecordAssert.Equal(Some.Agent("a1", "ops"), await store.Identities.GetAgentAsync("a1", Ct));
            RecordAssert.Equal(Some.SecretVersion("s", 1), await store.Secrets.GetVersionAsync("s", 1, Ct));
        }

        var versions = Query<long>("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(Enumerable.Range(1, SqliteAirlockStore.LatestSchemaVersion).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task Open_NewerSchema_IsRefusedNamingBothVersions()
    {
        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
        }

        var newer = SqliteAirlockStore.LatestSchemaVersion + 7;
        Execute($"INSERT INTO schema_migrations (version, applied_at) VALUES ({newer}, 0)");

        var error = Assert.Throws<StoreException>(() => SqliteAirlockStore.Open(directory.Path));

        Assert.Contains($"version {newer}", error.Message);
        Assert.Contains($"up to {SqliteAirlockStore.LatestSchemaVersion}", error.Message);
    }

    [Fact]
    public async Task Migrate_SchemaUpgradedByAnotherProcessMeanwhile_IsRefused()
    {
        await using var store = SqliteAirlockStore.Open(directory.Path);
        await store.MigrateAsync(Ct);
        Execute($"INSERT INTO schema_migrations (version, applied_at) VALUES ({SqliteAirlockStore.LatestSchemaVersion + 1}, 0)");

        var error = await Assert.ThrowsAsync<StoreException>(() => store.MigrateAsync(Ct));

        Assert.Contains("newer Airlock", error.Message);
    }

    [Fact]
    public async Task Open_SwitchesTheDatabaseToWal()
    {
        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
        }

        Assert.Equal(["wal"], Query<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsStoreException()
    {
        Directory.CreateDirectory(directory.Path);
        File.WriteAllBytes(DatabasePath, Some.Bytes(8192, 1));

        var error = Assert.Throws<StoreException>(() => SqliteAirlockStore.Open(directory.Path));

        Assert.Equal("sqlite store: open failed", error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public async Task Insert_ViolatingNotNull_ThrowsStoreExceptionNamingOnlyTheOperation()
    {
        await using var store = SqliteAirlockStore.Open(directory.Path);
        await store.MigrateAsync(Ct);
        var invalid = Some.SecretVersion("s", 1) with { Algorithm = null! };

        // Only a key conflict means "exists"; any other constraint failure is an error, not false.
        var error = await Assert.ThrowsAsync<StoreException>(() => store.Secrets.TryInsertVersionAsync(invalid, Ct));

        Assert.Equal("sqlite store: insert secret version failed", error.Message);
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposed()
    {
        var store = SqliteAirlockStore.Open(directory.Path);
        await store.MigrateAsync(Ct);
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Identities.ListAgentsAsync(Ct));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }
}
