namespace Airlock.Core.Storage;

/// <summary>
/// Everything Airlock persists, behind one interface so that the embedded SQLite provider and the PostgreSQL
/// provider are interchangeable. Both run the same contract tests (tests/Airlock.Storage.Tests).
/// Every provider keeps times to the microsecond and returns them in UTC (offset zero); orders ids and names
/// ordinally; and reports failures as <see cref="StoreException"/>, never with a stored value in the message.
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

    /// <summary>The tamper-evident audit log (R13).</summary>
    IAuditStore Audit { get; }

    /// <summary>Budget limits, usage and reservations (R9).</summary>
    IBudgetStore Budgets { get; }
}
