namespace Airlock.Core.Secrets;

/// <summary>A stored secret version could not be opened. The message names the secret and version, never data.</summary>
public sealed class SecretDecryptionException : Exception
{
    public SecretDecryptionException(string name, int version, string reason)
        : base($"secret `{name}` version {version} cannot be decrypted: {reason}")
    {
        SecretName = name;
        Version = version;
    }

    public string SecretName { get; }

    public int Version { get; }
}
