using Airlock.Core.AdminTokens;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Tokens;
using Airlock.Storage.Sqlite;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// <c>airlock init</c>: creates a data directory with its database, its key-encryption key (a 0600 file,
/// unless <c>AIRLOCK_KEK</c> supplies it), the vault's key check, the first token-signing key and the root
/// admin token, whose text is returned once and stored only as a hash.
/// </summary>
public static class DataDirectoryInitializer
{
    public static async Task<string> InitializeAsync(string dataDirectory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var databasePath = Path.Combine(dataDirectory, SqliteAirlockStore.DatabaseFileName);
        if (File.Exists(databasePath))
        {
            throw new StartupException($"{dataDirectory} is already initialized ({databasePath} exists); start it with `airlock serve --data-dir {dataDirectory}`, or choose another directory");
        }

        var keyFile = KeyProviders.KeyFilePath(dataDirectory);
        if (!KeyProviders.UsesEnvironment && File.Exists(keyFile))
        {
            throw new StartupException($"{keyFile} already exists but there is no database beside it; move it away if it is not needed, so that no key is overwritten");
        }

        Directory.CreateDirectory(dataDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        IKeyEncryptionKeyProvider provider = KeyProviders.UsesEnvironment
            ? new EnvironmentKeyProvider(KeyProviders.EnvironmentVariable)
            : FileKeyProvider.Create(keyFile);

        using var kek = await provider.GetKeyAsync(cancellationToken).ConfigureAwait(false);
        await using var store = SqliteAirlockStore.Open(dataDirectory);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var vault = new Vault(store, kek, time);
        await vault.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var ring = await SigningKeyRing.LoadAsync(store, vault, time, cancellationToken).ConfigureAwait(false);
        await ring.CreateInitialKeyAsync(cancellationToken).ConfigureAwait(false);
        var (text, _) = await new AdminTokenService(store, time).CreateRootAsync(cancellationToken).ConfigureAwait(false);
        return text;
    }
}
