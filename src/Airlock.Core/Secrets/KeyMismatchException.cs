namespace Airlock.Core.Secrets;

/// <summary>The key-encryption key in use is not the one the data directory was sealed with.</summary>
public sealed class KeyMismatchException : Exception
{
    public KeyMismatchException(string keyId, string sealedWithKeyId, Exception? innerException = null)
        : base(
            $"the key-encryption key (id {keyId}) does not open this data directory, which was sealed with key id {sealedWithKeyId}; " +
            "start with the key that `airlock init` created for it (restore the key file or AIRLOCK_KEK from your backup)",
            innerException)
    {
        KeyId = keyId;
        SealedWithKeyId = sealedWithKeyId;
    }

    public string KeyId { get; }

    public string SealedWithKeyId { get; }
}
