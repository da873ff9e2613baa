using System.Security.Cryptography;
using Airlock.Core.Secrets;
using Airlock.Core.Storage;

namespace Airlock.Core.Audit;

/// <summary>
/// Signs checkpoints with a dedicated ES256 key, separate from the session-token keys so that neither can be
/// used to forge the other. The private half is internal vault secret <c>airlock:audit-signing:{kid}</c>; the
/// public half is stored with the log (<see cref="IAuditStore.TryAddKeyAsync"/>).
/// </summary>
public sealed class AuditSigner : IDisposable
{
    /// <summary>The one checkpoint signature algorithm: ECDSA P-256 with SHA-256, IEEE P1363 (r ‖ s).</summary>
    public const string Algorithm = "ES256";

    /// <summary>Prefix of the vault secret that holds a checkpoint key's private half.</summary>
    public const string PrivateKeySecretPrefix = "airlock:audit-signing:";

    private readonly ECDsa _key;

    private AuditSigner(AuditKeyRecord record, ECDsa key)
    {
        Key = record;
        _key = key;
    }

    /// <summary>The signing key's public record.</summary>
    public AuditKeyRecord Key { get; }

    /// <summary>Loads the newest checkpoint key, creating the first one when the log has none.</summary>
    public static async Task<AuditSigner> LoadOrCreateAsync(IAirlockStore store, Vault vault, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(time);
        var keys = await store.Audit.ListKeysAsync(ct).ConfigureAwait(false);
        var newest = keys.LastOrDefault(k => k.Algorithm == Algorithm);
        if (newest is not null)
        {
            return new AuditSigner(newest, await LoadPrivateKeyAsync(vault, newest, ct).ConfigureAwait(false));
        }

        var keyId = "audit-es256-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 12);
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
            try
            {
                await vault.PutInternalAsync(PrivateKeySecretPrefix + keyId, pkcs8, ct).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }

            var record = new AuditKeyRecord(keyId, Algorithm, ecdsa.ExportSubjectPublicKeyInfo(), SignedTreeHead.TruncateToMicroseconds(time.GetUtcNow()));
            if (!await store.Audit.TryAddKeyAsync(record, ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"audit key id {keyId} is taken; try again");
            }

            return new AuditSigner(record, ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Signs the tree head of <paramref name="treeSize"/> records with root <paramref name="rootHash"/>.</summary>
    public SignedTreeHead Sign(long treeSize, byte[] rootHash, DateTimeOffset timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentNullException.ThrowIfNull(rootHash);
        var at = SignedTreeHead.TruncateToMicroseconds(timestamp);
        var signature = _key.SignData(SignedTreeHead.SignedBytes(treeSize, rootHash, at, Key.KeyId, Algorithm), HashAlgorithmName.SHA256);
        return new SignedTreeHead(treeSize, rootHash, at, Key.KeyId, Algorithm, signature);
    }

    /// <summary>Whether <paramref name="checkpoint"/> carries a valid ES256 signature by the key it names among <paramref name="keys"/>.</summary>
    public static bool Verify(SignedTreeHead checkpoint, IReadOnlyDictionary<string, AuditKeyRecord> keys)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(keys);
        if (checkpoint.Algorithm != Algorithm || !keys.TryGetValue(checkpoint.KeyId, out var key) || key.Algorithm != Algorithm)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(key.PublicKeySpki, out _);
            return ecdsa.KeySize == 256
                && ecdsa.VerifyData(checkpoint.SignedBytes(), checkpoint.Signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();

    private static async Task<ECDsa> LoadPrivateKeyAsync(Vault vault, AuditKeyRecord record, CancellationToken ct)
    {
        var pkcs8 = await vault.RevealInternalAsync(PrivateKeySecretPrefix + record.KeyId, null, ct).ConfigureAwait(false);
        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(record.PublicKeySpki))
            {
                key.Dispose();
                throw new CryptographicException($"the private key of audit key {record.KeyId} does not match its public key");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
