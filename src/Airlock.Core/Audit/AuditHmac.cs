using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Secrets;

namespace Airlock.Core.Audit;

/// <summary>
/// Keyed digests for anything secret-derived in an audit record (R13: secrets only as keyed hashes). The key is
/// per data directory, 32 random bytes kept in the vault as internal secret <see cref="SecretName"/>, so a
/// reader of the log cannot confirm a guessed value without the vault.
/// </summary>
public sealed class AuditHmac : IDisposable
{
    /// <summary>The vault name of the key.</summary>
    public const string SecretName = "airlock:audit-hmac";

    /// <summary>Prefix of every digest, naming the algorithm (R16).</summary>
    public const string Prefix = "hmac-sha256:";

    private readonly byte[] _key;

    private AuditHmac(byte[] key) => _key = key;

    /// <summary>Loads the key from the vault, creating it on first use.</summary>
    public static async Task<AuditHmac> LoadOrCreateAsync(Vault vault, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        try
        {
            return new AuditHmac(await vault.RevealInternalAsync(SecretName, null, ct).ConfigureAwait(false));
        }
        catch (VaultException e) when (e.Error == VaultError.NotFound)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            try
            {
                await vault.PutInternalAsync(SecretName, key, ct).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }

            // Read back the current version: a concurrent first start on another node may have written one too.
            return new AuditHmac(await vault.RevealInternalAsync(SecretName, null, ct).ConfigureAwait(false));
        }
    }

    /// <summary>"hmac-sha256:" and the base64url HMAC of the UTF-8 text.</summary>
    public string Digest(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Digest(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>"hmac-sha256:" and the base64url HMAC of the bytes.</summary>
    public string Digest(ReadOnlySpan<byte> value)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, value, mac);
        return Prefix + Base64Url.EncodeToString(mac);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
