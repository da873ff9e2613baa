namespace Airlock.Core.Storage;

/// <summary>
/// Everything Airlock persists, behind one interface so that the embedded SQLite provider and the PostgreSQL
/// provider are interchangeable. Both run the same contract tests (tests/Airlock.Storage.Tests).
/// </summary>
public interface IAirlockStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema. Called once at start; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    ISecretStore Secrets { get; }

    IServiceStore Services { get; }

    IIdentityStore Identities { get; }

    ISessionStore Sessions { get; }

    IAdminTokenStore AdminTokens { get; }

    ISigningKeyStore SigningKeys { get; }
}
