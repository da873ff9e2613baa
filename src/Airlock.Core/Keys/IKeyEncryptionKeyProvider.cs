namespace Airlock.Core.Keys;

/// <summary>
/// A source of the key-encryption key: a file, an environment variable, and later a KMS or a TPM. Providers
/// refuse a missing, malformed or badly protected key with a <see cref="KeyProviderException"/> that says how
/// to fix it.
/// </summary>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>Names the source without revealing the key, e.g. <c>file /srv/.airlock/kek (mode 0600)</c>.</summary>
    string Describe();

    /// <summary>Reads the key. The caller owns the result and disposes it, which zeroes it.</summary>
    Task<KeyEncryptionKey> GetKeyAsync(CancellationToken ct = default);
}
