namespace Airlock.Core.Secrets;

/// <summary>The data directory has no key-check record: it was never initialized with a key-encryption key.</summary>
public sealed class VaultNotInitializedException : Exception
{
    public VaultNotInitializedException()
        : base($"this data directory is not initialized: it has no key check record ({Vault.KeyCheckName}); run `airlock init` first")
    {
    }
}
