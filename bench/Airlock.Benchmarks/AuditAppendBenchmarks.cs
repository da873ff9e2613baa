using Airlock.Core.Audit;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Storage.Sqlite;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>
/// Audit append throughput on a real SQLite file (WAL, synchronous=FULL): <see cref="Concurrency"/> callers
/// append at once and the writer loop group-commits them. One operation is one whole wave, so ns/op divided by
/// the concurrency is the cost per record.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private string _directory = "";
    private SqliteAirlockStore? _store;
    private KeyEncryptionKey? _kek;
    private AuditSigner? _signer;
    private AuditLog? _log;
    private AuditRecord _record = null!;

    [Params(1, 16, 256)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "airlock-bench-audit-" + Guid.NewGuid().ToString("N"));
        _store = SqliteAirlockStore.Open(_directory);
        _store.MigrateAsync().GetAwaiter().GetResult();
        _kek = KeyEncryptionKey.Generate();
        var vault = new Vault(_store, _kek, TimeProvider.System);
        vault.InitializeAsync().GetAwaiter().GetResult();
        _signer = AuditSigner.LoadOrCreateAsync(_store, vault, TimeProvider.System).GetAwaiter().GetResult();
        _log = AuditLog.OpenAsync(_store.Audit, _signer, new AuditOptions { WriteTimeout = TimeSpan.FromSeconds(30) }, TimeProvider.System).GetAwaiter().GetResult();
        _record = new AuditRecord
        {
            Kind = AuditRecordKind.Decision,
            Time = DateTimeOffset.UtcNow,
            SessionId = "ses_01JABCDEF",
            AgentId = "agent-007",
            UserId = "user-012",
            Method = "POST",
            Service = "billing-api",
            Path = "/v1/invoices",
            ParametersDigest = "hmac-sha256:3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            Intent = "issue the monthly invoices for the finance team",
            Reason = "creating invoice 42 of 120",
            Decision = AuditDecision.Permit,
            Policies = ["policy0"],
        };
    }

    [Benchmark]
    public async Task AppendWave()
    {
        var log = _log!;
        var tasks = new Task<long>[Concurrency];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = log.AppendAsync(_record).AsTask();
        }

        await Task.WhenAll(tasks);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _log?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _signer?.Dispose();
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _kek?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
