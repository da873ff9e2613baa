namespace Airlock.Core.Keys;

/// <summary>The key-encryption key could not be had: the message says what, where and how to fix it, never the key.</summary>
public sealed class KeyProviderException : Exception
{
    public KeyProviderException(string message)
        : base(message)
    {
    }

    public KeyProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
