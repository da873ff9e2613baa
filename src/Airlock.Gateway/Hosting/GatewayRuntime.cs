using Airlock.Core.AdminTokens;
using Airlock.Core.Audit;
using Airlock.Core.Budgets;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Core.Storage;
using Airlock.Core.Tokens;
using Airlock.Gateway.DataPlane;
using Airlock.Gateway.Policies;
using Airlock.Storage.Sqlite;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// Everything a running gateway holds, opened in the order that lets it refuse to start early and clearly:
/// the store (and its migrations), the key-encryption key, a check that this key opens this vault, the
/// signing keys, then the service config file.
/// </summary>
public sealed class GatewayRuntime : IAsyncDisposable
{
    private GatewayRuntime(GatewayOptions options, IAirlockStore store, KeyEncryptionKey kek, Vault vault, SigningKeyRing signingKeys, AuditParts audit, TimeProvider time)
    {
        AuditSigner = audit.Signer;
        AuditHmac = audit.Hmac;
        Audit = audit.Log;
        Options = options;
        Store = store;
        Kek = kek;
        Vault = vault;
        SigningKeys = signingKeys;
        Time = time;
        TokenOptions = new TokenOptions(options.Issuer);
        Sessions = new SessionDirectory(store, time);
        TokenIssuer = new SessionTokenIssuer(signingKeys, TokenOptions, time);
        TokenValidator = new SessionTokenValidator(signingKeys, Sessions, TokenOptions, time);
        SessionService = new SessionService(store, Sessions, TokenIssuer, time, options.MaxSessionTtl);
        AdminTokens = new AdminTokenService(store, time);
        Services = new ServiceRegistry(store, vault, time);
        Budgets = new BudgetLedger(store, time);
        // Token endpoints are reached like any upstream: no redirects, no cookies, no ambient proxy.
        _oauthHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var secrets = new VaultSecretResolver(vault);
        _secrets = secrets;
        Leaks = new LeakGuard(vault);
        // A token obtained for a service is a secret Airlock holds: it joins the leak set before it is injected.
        OAuth2Tokens = new OAuth2TokenSource(_oauthHttp, secrets, time, new OAuth2TokenSourceOptions { OnTokenIssued = Leaks.AddIssuedTokenAsync });
        Credentials = new CredentialRenderer(secrets, OAuth2Tokens);
    }

    private readonly HttpClient _oauthHttp;
    private readonly VaultSecretResolver _secrets;

    /// <summary>
    /// After a secret is created, rotated or deleted through this node: the leak scanner learns the new values first,
    /// then injection stops using values it read before.
    /// </summary>
    public async Task SecretsChangedAsync(CancellationToken ct)
    {
        await Leaks.RebuildAsync(ct).ConfigureAwait(false);
        _secrets.Invalidate();
    }

    public GatewayOptions Options { get; }

    /// <summary>The tamper-evident audit log; every data-plane decision is appended here before anything is forwarded.</summary>
    public AuditLog Audit { get; }

    /// <summary>Keyed digests for secret-derived values in audit records.</summary>
    public AuditHmac AuditHmac { get; }

    private AuditSigner AuditSigner { get; }

    public IAirlockStore Store { get; }

    public Vault Vault { get; }

    public SigningKeyRing SigningKeys { get; }

    public TimeProvider Time { get; }

    public TokenOptions TokenOptions { get; }

    public SessionDirectory Sessions { get; }

    public SessionTokenIssuer TokenIssuer { get; }

    public SessionTokenValidator TokenValidator { get; }

    public SessionService SessionService { get; }

    public AdminTokenService AdminTokens { get; }

    public ServiceRegistry Services { get; }

    /// <summary>Budgets and rate limits per session, agent and user: reserve a call's worst case before forwarding, settle its actual usage after.</summary>
    public BudgetLedger Budgets { get; }

    /// <summary>Every held secret value as the leak scanner's patterns; rebuilt when secrets change.</summary>
    public LeakGuard Leaks { get; private set; } = null!;

    /// <summary>The Cedar policies in force (from --policies), reloaded on change, refused whole when invalid.</summary>
    public PolicyDirectory Policies { get; private set; } = PolicyDirectory.Open(null, TimeProvider.System);

    /// <summary>Access tokens for OAuth2 client-credentials services, cached and refreshed before expiry.</summary>
    public OAuth2TokenSource OAuth2Tokens { get; }

    /// <summary>Turns a service's credential binding into the header or query values of one outbound call.</summary>
    public CredentialRenderer Credentials { get; }

    private KeyEncryptionKey Kek { get; }

    public static async Task<GatewayRuntime> OpenAsync(GatewayOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var databasePath = Path.Combine(options.DataDirectory, SqliteAirlockStore.DatabaseFileName);
        if (!File.Exists(databasePath))
        {
            throw new StartupException(
                $"{options.DataDirectory} is not an Airlock data directory (no {Path.GetFileName(databasePath)}); " +
                $"create one with `airlock init --data-dir {options.DataDirectory}`");
        }

        var store = SqliteAirlockStore.Open(options.DataDirectory);
        KeyEncryptionKey? kek = null;
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var provider = KeyProviders.For(options.DataDirectory);
            try
            {
                kek = await provider.GetKeyAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (KeyProviderException e)
            {
                throw new StartupException($"cannot load the key-encryption key from {provider.Describe()}: {e.Message}", e);
            }

            var vault = new Vault(store, kek, time);
            try
            {
                await vault.VerifyKeyAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (KeyMismatchException e)
            {
                throw new StartupException($"refusing to start: {e.Message}", e);
            }

            var ring = await SigningKeyRing.LoadAsync(store, vault, time, cancellationToken).ConfigureAwait(false);
            var audit = await OpenAuditAsync(options, store, vault, time, cancellationToken).ConfigureAwait(false);
            var runtime = new GatewayRuntime(options, store, kek, vault, ring, audit, time);
            await runtime.Services.LoadAsync(cancellationToken).ConfigureAwait(false);
            // Reservations left open by a process that died mid-call are charged their worst case before anything new is reserved.
            await runtime.Budgets.RecoverAsync(cancellationToken).ConfigureAwait(false);
            runtime.Policies = PolicyDirectory.Open(options.PoliciesDirectory, time);
            await runtime.Leaks.RebuildAsync(cancellationToken).ConfigureAwait(false);
            if (options.ConfigFile is not null)
            {
                await ServiceConfigFile.ApplyAsync(options.ConfigFile, runtime.Services, cancellationToken).ConfigureAwait(false);
            }

            return runtime;
        }
        catch
        {
            kek?.Dispose();
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Audit.DisposeAsync().ConfigureAwait(false);
        AuditSigner.Dispose();
        AuditHmac.Dispose();
        _oauthHttp.Dispose();
        Policies.Dispose();
        Leaks.Dispose();
        Kek.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<AuditParts> OpenAuditAsync(GatewayOptions options, IAirlockStore store, Vault vault, TimeProvider time, CancellationToken ct)
    {
        var hmac = await AuditHmac.LoadOrCreateAsync(vault, ct).ConfigureAwait(false);
        AuditSigner? signer = null;
        try
        {
            signer = await AuditSigner.LoadOrCreateAsync(store, vault, time, ct).ConfigureAwait(false);
            var log = await AuditLog.OpenAsync(store.Audit, signer, options.Audit, time, ct).ConfigureAwait(false);
            return new AuditParts(hmac, signer, log);
        }
        catch (AuditIntegrityException e)
        {
            hmac.Dispose();
            signer?.Dispose();
            throw new StartupException($"refusing to start: {e.Message}; run `airlock audit verify --data-dir {options.DataDirectory}` for details", e);
        }
        catch
        {
            hmac.Dispose();
            signer?.Dispose();
            throw;
        }
    }

    private sealed record AuditParts(AuditHmac Hmac, AuditSigner Signer, AuditLog Log);
}
