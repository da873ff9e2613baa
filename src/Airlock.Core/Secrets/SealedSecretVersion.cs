namespace Airlock.Core.Secrets;

/// <summary>
/// One stored version of a secret, as the vault seals it: the value encrypted under a fresh data key, and that
/// data key wrapped by the key-encryption key named by <see cref="KeyEncryptionKeyId"/>. Both blobs are
/// nonce ‖ ciphertext ‖ tag and are bound to the secret's name and version as associated data.
/// This is the only shape in which a secret value reaches storage.
/// </summary>
public sealed record SealedSecretVersion(
    string Name,
    int Version,
    string Algorithm,
    string KeyEncryptionKeyId,
    byte[] WrappedDataKey,
    byte[] Ciphertext,
    DateTimeOffset CreatedAt);
