namespace Airlock.Core.Secrets;

/// <summary>A vault operation was refused or failed; <see cref="Error"/> says which way. Never carries a secret value.</summary>
public sealed class VaultException : Exception
{
    public VaultException(VaultError error, string message)
        : base(message)
    {
        Error = error;
    }

    public VaultException(VaultError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public VaultError Error { get; }
}
