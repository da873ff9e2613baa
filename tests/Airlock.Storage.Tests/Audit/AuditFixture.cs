using Airlock.Core.Audit;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Storage.Sqlite;
using Airlock.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Tests.Audit;

/// <summary>A real data directory: SQLite store, vault, audit signer and log, plus raw SQL for tampering.</summary>
public sealed class AuditFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly KeyEncryptionKey _kek = KeyEncryptionKey.Generate();

    private AuditFixture()
    {
    }

    public SqliteAirlockStore Store { get; private set; } = null!;

    public Vault Vault { get; private set; } = null!;

    public AuditSigner Signer { get; private set; } = null!;

    public AuditLog? Log { get; private set; }

    public string DirectoryPath => _directory.Path;

    public string CheckpointFilePath => Path.Combine(_directory.Path, "checkpoints.jsonl");

    public static async Task<AuditFixture> CreateAsync(AuditOptions? options = null, CancellationToken ct = default)
    {
        var fixture = new AuditFixture();
        fixture.Store = SqliteAirlockStore.Open(fixture._directory.Path);
        await fixture.Store.MigrateAsync(ct);
        fixture.Vault = new Vault(fixture.Store, fixture._kek, TimeProvider.System);
        await fixture.Vault.InitializeAsync(ct);
        fixture.Signer = await AuditSigner.LoadOrCreateAsync(fixture.Store, fixture.Vault, TimeProvider.System, ct);
        await fixture.OpenLogAsync(options, ct);
        return fixture;
    }

    public async Task<AuditLog> OpenLogAsync(AuditOptions? options = null, CancellationToken ct = default)
    {
        Log = await AuditLog.OpenAsync(Store.Audit, Signer, options ?? new AuditOptions { CheckpointFile = CheckpointFilePath }, TimeProvider.System, ct);
        return Log;
    }

    public async Task CloseLogAsync()
    {
        if (Log is not null)
        {
            await Log.DisposeAsync();
            Log = null;
        }
    }

    public static AuditRecord Decision(int i) => new()
    {
        Kind = AuditRecordKind.Decision,
        Time = DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(i),
        SessionId = "ses-" + i,
        AgentId = "agent-7",
        UserId = "alice",
        Method = "POST",
        Service = "github",
        Path = "/repos/acme/issues",
        ParametersDigest = "hmac-sha256:AAAA",
        Intent = "file the bug report the user described",
        Reason = "creating issue #" + i,
        Decision = i % 3 == 0 ? AuditDecision.Deny : AuditDecision.Permit,
        Policies = ["policy" + i],
    };

    public async Task<long[]> AppendDecisionsAsync(int count, CancellationToken ct)
    {
        var seqs = new long[count];
        for (var i = 0; i < count; i++)
        {
            seqs[i] = await Log!.AppendAsync(Decision(i), ct);
        }

        return seqs;
    }

    public Task<AuditVerification> VerifyAsync(bool withFile = false, CancellationToken ct = default) =>
        AuditVerifier.VerifyAsync(Store.Audit, withFile ? CheckpointFile.Read(CheckpointFilePath) : null, ct);

    /// <summary>Runs SQL on the database file from a connection of its own, as an attacker with file access would.</summary>
    public void Sql(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public byte[] ReadBlob(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (byte[])command.ExecuteScalar()!;
    }

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseLogAsync();
        Signer?.Dispose();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        _kek.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
