using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Keys;
using Airlock.Core.Storage;

namespace Airlock.Core.Secrets;

/// <summary>
/// Secrets at rest: every value is sealed by <see cref="SecretSealer"/> under the key-encryption key before it
/// reaches the store, and opened only to be injected. Values go in and never come out through the admin API.
/// Names starting with <c>airlock:</c> are the gateway's own (signing keys, the key check): hidden from
/// <see cref="ListAsync"/> and reachable only through the <c>…InternalAsync</c> members.
/// </summary>
public sealed partial class Vault
{
    /// <summary>The largest value accepted, in UTF-8 bytes (docs/admin-api.md: at most 64 KiB).</summary>
    public const int MaxValueBytes = 64 * 1024;

    // Concurrent rotations of one secret race for the next version number; the loser re-reads and tries again.
    private const int MaxWriteAttempts = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IAirlockStore _store;
    private readonly KeyEncryptionKey _kek;
    private readonly TimeProvider _time;

    public Vault(IAirlockStore store, KeyEncryptionKey kek, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kek);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _kek = kek;
        _time = time;
    }

    /// <summary>The fingerprint of the key-encryption key this vault seals with.</summary>
    public string KeyEncryptionKeyId => _kek.Id;

    /// <summary>Creates version 1 of a new secret; <see cref="VaultError.AlreadyExists"/> when the name is taken.</summary>
    public async Task<SecretSummary> CreateAsync(string name, string value, CancellationToken ct = default)
    {
        RequirePublicName(name);
        var plaintext = EncodeValue(value);
        try
        {
            return await StoreCall("create", name, async () =>
            {
                if (await _store.Secrets.GetCurrentVersionAsync(name, ct).ConfigureAwait(false) is not null)
                {
                    throw AlreadyExists(name);
                }

                var now = _time.GetUtcNow();
                var sealedVersion = SecretSealer.Seal(name, 1, plaintext, _kek, now);
                if (!await _store.Secrets.TryInsertVersionAsync(sealedVersion, ct).ConfigureAwait(false))
                {
                    throw AlreadyExists(name);
                }

                return new SecretSummary(name, 1, 1, now, now);
            }).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Adds a new current version of an existing secret; <see cref="VaultError.NotFound"/> when it does not exist.</summary>
    public async Task<SecretSummary> RotateAsync(string name, string value, CancellationToken ct = default)
    {
        RequirePublicName(name);
        var plaintext = EncodeValue(value);
        try
        {
            var version = await StoreCall("rotate", name, () => AddVersionAsync(name, plaintext, mustExist: true, ct)).ConfigureAwait(false);
            var summaries = await StoreCall("rotate", name, () => _store.Secrets.ListAsync(ct)).ConfigureAwait(false);
            // A concurrent rotation may already have added a later version; this call still wrote `version`, and
            // reports that (failing here would call a stored rotation a failure).
            var summary = summaries.FirstOrDefault(s => s.Name == name)
                ?? throw new VaultException(VaultError.NotFound, $"secret `{name}` was deleted while it was being rotated");
            return summary with { CurrentVersion = version };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Destroys every version of a secret; false when it did not exist.</summary>
    public Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        RequirePublicName(name);
        return StoreCall("delete", name, () => _store.Secrets.DeleteAsync(name, ct));
    }

    /// <summary>Summaries of every user secret, ordered by name; internal names are left out.</summary>
    public async Task<IReadOnlyList<SecretSummary>> ListAsync(CancellationToken ct = default)
    {
        var all = await StoreCall("list", "*", () => _store.Secrets.ListAsync(ct)).ConfigureAwait(false);
        return all.Where(s => !Names.IsInternalSecretName(s.Name)).ToArray();
    }

    /// <summary>Whether a user secret of that name exists. Internal and invalid names never exist.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken ct = default)
    {
        if (!Names.IsValidSecretName(name))
        {
            return false;
        }

        return await StoreCall("look up", name, () => _store.Secrets.GetCurrentVersionAsync(name, ct)).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// The value of a user secret (the current version, or <paramref name="version"/>) as UTF-8, for injection
    /// into an outbound call. The caller zeroes the bytes when done. Internal names are refused, so no service
    /// template can reach the gateway's own keys.
    /// </summary>
    public Task<byte[]> RevealAsync(string name, int? version = null, CancellationToken ct = default)
    {
        RequirePublicName(name);
        return OpenAsync(name, version, ct);
    }

    /// <summary>
    /// The current value of every user secret, read in one store query, for the leak scanner, which must know every
    /// value Airlock holds. The caller zeroes the bytes when done.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, byte[] Value)>> RevealAllCurrentAsync(CancellationToken ct = default)
    {
        var rows = await StoreCall("read", "all secrets", () => _store.Secrets.GetAllCurrentAsync(ct)).ConfigureAwait(false);
        return [.. rows.Where(r => !Names.IsInternalSecretName(r.Name)).Select(r => (r.Name, SecretSealer.Open(r, _kek)))];
    }

    private async Task<byte[]> OpenAsync(string name, int? version, CancellationToken ct)
    {
        var sealedVersion = await StoreCall("read", name, () => _store.Secrets.GetVersionAsync(name, version, ct)).ConfigureAwait(false);
        if (sealedVersion is null)
        {
            throw new VaultException(
                VaultError.NotFound,
                version is null ? $"secret `{name}` does not exist" : $"secret `{name}` has no version {version}");
        }

        // INVARIANT: a row is opened only as the name and version asked for; a row the store returned for
        // another name or version is refused even if it would decrypt under its own (name, version).
        if (sealedVersion.Name != name || (version is not null && sealedVersion.Version != version))
        {
            throw new SecretDecryptionException(name, version ?? sealedVersion.Version, "the store returned a different secret or version");
        }

        return SecretSealer.Open(sealedVersion, _kek);
    }

    /// <summary>Inserts the next version, retrying when a concurrent writer took the number; returns the version written.</summary>
    private async Task<int> AddVersionAsync(string name, byte[] plaintext, bool mustExist, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var current = await _store.Secrets.GetCurrentVersionAsync(name, ct).ConfigureAwait(false);
            if (current is null && mustExist)
            {
                throw new VaultException(VaultError.NotFound, $"secret `{name}` does not exist; create it first");
            }

            var next = (current ?? 0) + 1;
            var sealedVersion = SecretSealer.Seal(name, next, plaintext, _kek, _time.GetUtcNow());
            if (await _store.Secrets.TryInsertVersionAsync(sealedVersion, ct).ConfigureAwait(false))
            {
                return next;
            }
        }

        throw new VaultException(VaultError.Internal, $"secret `{name}` is being changed by too many writers at once; try again");
    }

    private static void RequirePublicName(string name)
    {
        if (name is not null && Names.IsInternalSecretName(name))
        {
            throw new VaultException(VaultError.InvalidName, $"secret names starting with `{Names.InternalSecretPrefix}` are reserved for Airlock itself");
        }

        if (!Names.IsValidSecretName(name))
        {
            throw new VaultException(VaultError.InvalidName, $"`{name}` is not a valid secret name: {Names.SecretNameRule}");
        }
    }

    private static byte[] EncodeValue(string value)
    {
        // Each character is at least one UTF-8 byte, so a longer string is refused before it is encoded.
        if (string.IsNullOrEmpty(value) || value.Length > MaxValueBytes)
        {
            throw new VaultException(VaultError.InvalidValue, string.IsNullOrEmpty(value) ? "the value is empty" : "the value is longer than 64 KiB");
        }

        int count;
        try
        {
            count = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new VaultException(VaultError.InvalidValue, "the value is not valid Unicode text (it has an unpaired surrogate)");
        }

        if (count > MaxValueBytes)
        {
            throw new VaultException(VaultError.InvalidValue, "the value is longer than 64 KiB in UTF-8");
        }

        var bytes = new byte[count];
        StrictUtf8.GetBytes(value, bytes);
        return bytes;
    }

    private static VaultException AlreadyExists(string name) =>
        new(VaultError.AlreadyExists, $"secret `{name}` already exists; rotate it to store a new value");

    /// <summary>Runs a store call, turning a store failure into <see cref="VaultError.Internal"/>; the vault's own outcomes pass through.</summary>
    private static async Task<T> StoreCall<T>(string what, string name, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (VaultException or SecretDecryptionException or OperationCanceledException or ArgumentException))
        {
            throw new VaultException(VaultError.Internal, $"the store failed to {what} secret `{name}`; nothing was changed", e);
        }
    }
}
