using Airlock.Core.Storage;

namespace Airlock.Core.Tests.Support;

/// <summary>
/// Just enough of <see cref="IAirlockStore"/> for the vault and the key ring: secrets and signing keys. The other
/// parts throw, so a test that strays into them fails loudly. Replaced by the SQLite provider once it lands.
/// </summary>
public sealed class InMemoryAirlockStore : IAirlockStore
{
    public InMemorySecretStore SecretRows { get; } = new();

    public ISecretStore Secrets => SecretRows;

    public ISigningKeyStore SigningKeys { get; } = new InMemorySigningKeyStore();

    public IServiceStore Services => throw new NotSupportedException("the in-memory test store has no services");

    public IIdentityStore Identities => throw new NotSupportedException("the in-memory test store has no identities");

    public ISessionStore Sessions => throw new NotSupportedException("the in-memory test store has no sessions");

    public IAdminTokenStore AdminTokens => throw new NotSupportedException("the in-memory test store has no admin tokens");

    public IAuditStore Audit => throw new NotSupportedException("the in-memory test store has no audit log");

    public IBudgetStore Budgets => throw new NotSupportedException("the in-memory test store has no budgets");

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
