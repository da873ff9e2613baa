using Airlock.Core.Audit;
using Airlock.Core.Storage;
using Airlock.Storage.Sqlite;

namespace Airlock.Cli.Commands.Audit;

/// <summary>A data directory's database, opened read-only: no server, no vault, no key needed (public keys are in the log).</summary>
internal sealed class OfflineAuditSource : IAuditSource
{
    private const int AuditSchemaVersion = 2;

    private readonly SqliteAirlockStore _store;

    private OfflineAuditSource(SqliteAirlockStore store) => _store = store;

    public static async Task<OfflineAuditSource> OpenAsync(string dataDirectory, CancellationToken ct)
    {
        SqliteAirlockStore store;
        try
        {
            store = SqliteAirlockStore.OpenReadOnly(dataDirectory);
        }
        catch (StoreException e)
        {
            throw new UsageException($"cannot open the data directory {dataDirectory} read-only: {e.Message}", "give the directory `airlock init` created (--data-dir)");
        }

        var version = await store.GetSchemaVersionAsync(ct).ConfigureAwait(false);
        if (version < AuditSchemaVersion)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"{dataDirectory} has no audit log yet (schema version {version})", "start the gateway once with this Airlock to migrate it");
        }

        return new OfflineAuditSource(store);
    }

    public Task<long> SizeAsync(CancellationToken ct) => _store.Audit.CountAsync(ct);

    public async Task<IReadOnlyList<byte[]>> ReadAsync(long from, int limit, CancellationToken ct) =>
        (await _store.Audit.ReadAsync(from, limit, ct).ConfigureAwait(false)).Select(r => r.Data).ToArray();

    public async Task<AuditVerifyOutcome> VerifyAsync(IReadOnlyList<SignedTreeHead> exported, CancellationToken ct)
    {
        var v = await AuditVerifier.VerifyAsync(_store.Audit, exported, ct).ConfigureAwait(false);
        return new AuditVerifyOutcome(
            v.Ok, v.RecordCount, Convert.ToBase64String(v.RootHash), v.CheckpointsVerified, v.ExternalCheckpointsVerified,
            v.Problem is { } p ? Gateway.Admin.AuditProblemNames.Of(p.Kind) : null, v.Problem?.Sequence, v.Problem?.Message);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
