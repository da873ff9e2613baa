using System.Security.Cryptography;

namespace Airlock.Core.Secrets;

/// <summary>The gateway's own secrets (names starting with <c>airlock:</c>) and the key check.</summary>
public sealed partial class Vault
{
    /// <summary>A random value sealed under the key-encryption key at <c>airlock init</c>, to detect a wrong key at start.</summary>
    public const string KeyCheckName = "airlock:kek-check";

    private static readonly System.Buffers.SearchValues<char> InternalNameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-");

    /// <summary>Stores <paramref name="value"/> as the next version of an internal secret, creating it when absent.</summary>
    public Task PutInternalAsync(string internalName, byte[] value, CancellationToken ct = default)
    {
        RequireInternalName(internalName);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxValueBytes)
        {
            throw new VaultException(VaultError.InvalidValue, $"internal secret `{internalName}` must be 1 byte to 64 KiB long");
        }

        return StoreCall("write", internalName, () => AddVersionAsync(internalName, value, mustExist: false, ct));
    }

    /// <summary>The value of an internal secret (signing keys); the caller zeroes the bytes.</summary>
    public Task<byte[]> RevealInternalAsync(string internalName, int? version = null, CancellationToken ct = default)
    {
        RequireInternalName(internalName);
        return OpenAsync(internalName, version, ct);
    }

    /// <summary>Destroys every version of an internal secret (a signing key past its verification window).</summary>
    public Task<bool> DeleteInternalAsync(string internalName, CancellationToken ct = default)
    {
        RequireInternalName(internalName);
        return StoreCall("delete", internalName, () => _store.Secrets.DeleteAsync(internalName, ct));
    }

    /// <summary>
    /// Writes the key-check record when the data directory has none, then verifies it, so that initializing an
    /// existing directory with another key fails instead of mixing two keys.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var existing = await StoreCall("read", KeyCheckName, () => _store.Secrets.GetCurrentVersionAsync(KeyCheckName, ct)).ConfigureAwait(false);
        if (existing is null)
        {
            var check = new byte[32];
            RandomNumberGenerator.Fill(check);
            var sealedVersion = SecretSealer.Seal(KeyCheckName, 1, check, _kek, _time.GetUtcNow());
            CryptographicOperations.ZeroMemory(check);

            // A concurrent initializer may have won; the verification below then judges its record.
            await StoreCall("write", KeyCheckName, () => _store.Secrets.TryInsertVersionAsync(sealedVersion, ct)).ConfigureAwait(false);
        }

        await VerifyKeyAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the key-check record: <see cref="KeyMismatchException"/> when this vault's key is not the one the
    /// data directory was sealed with, <see cref="VaultNotInitializedException"/> when there is no record.
    /// </summary>
    public async Task VerifyKeyAsync(CancellationToken ct = default)
    {
        var record = await StoreCall("read", KeyCheckName, () => _store.Secrets.GetVersionAsync(KeyCheckName, null, ct)).ConfigureAwait(false)
            ?? throw new VaultNotInitializedException();
        try
        {
            CryptographicOperations.ZeroMemory(SecretSealer.Open(record, _kek));
        }
        catch (SecretDecryptionException e) when (record.KeyEncryptionKeyId != _kek.Id)
        {
            throw new KeyMismatchException(_kek.Id, record.KeyEncryptionKeyId, e);
        }
    }

    private static void RequireInternalName(string internalName)
    {
        ArgumentNullException.ThrowIfNull(internalName);
        var rest = internalName.AsSpan();
        var valid = Names.IsInternalSecretName(internalName)
            && internalName.Length <= 128 + Names.InternalSecretPrefix.Length
            && (rest = rest[Names.InternalSecretPrefix.Length..]).Length > 0
            && !rest.ContainsAnyExcept(InternalNameCharacters);
        if (!valid)
        {
            throw new VaultException(
                VaultError.InvalidName,
                $"`{internalName}` is not an internal secret name: `{Names.InternalSecretPrefix}` followed by 1–128 characters of A-Z a-z 0-9 _ . : -");
        }
    }
}
