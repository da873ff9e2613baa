using System.Security.Cryptography;
using System.Text;

namespace Airlock.Core.Keys;

/// <summary>
/// The AES-256 key-encryption key (KEK) that wraps every secret's data key. Its <see cref="Id"/> is a fingerprint
/// that names the key without revealing it; the key bytes are zeroed on <see cref="Dispose"/>.
/// </summary>
public sealed class KeyEncryptionKey : IDisposable
{
    /// <summary>The key length in bytes (AES-256).</summary>
    public const int KeySize = 32;

    // Domain separation: the fingerprint hash can never equal a hash computed over the key for any other purpose.
    private static readonly byte[] IdPrefix = Encoding.ASCII.GetBytes("airlock/kek-id/v1\0");

    // Pinned so that the garbage collector never moves (and so copies) the key before it is zeroed.
    private readonly byte[] _key;
    private bool _disposed;

    /// <summary>Copies <paramref name="key"/>, which must be exactly 32 bytes; the caller may zero its own copy.</summary>
    public KeyEncryptionKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"a key-encryption key is {KeySize} bytes, not {key.Length}", nameof(key));
        }

        _key = GC.AllocateArray<byte>(KeySize, pinned: true);
        key.CopyTo(_key);
        Id = Fingerprint(_key);
    }

    /// <summary>A fingerprint such as <c>kek-3f1c0a9be2d47c55</c>: the first 16 hex digits of a domain-separated SHA-256 of the key.</summary>
    public string Id { get; }

    /// <summary>A fresh key from the operating system's cryptographic random generator.</summary>
    public static KeyEncryptionKey Generate()
    {
        Span<byte> key = stackalloc byte[KeySize];
        RandomNumberGenerator.Fill(key);
        try
        {
            return new KeyEncryptionKey(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The key bytes, for the vault's sealer only.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }

    /// <summary>Names the key by its fingerprint only.</summary>
    public override string ToString() => $"KeyEncryptionKey({Id})";

    private static string Fingerprint(ReadOnlySpan<byte> key)
    {
        Span<byte> input = stackalloc byte[IdPrefix.Length + KeySize];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        IdPrefix.CopyTo(input);
        key.CopyTo(input[IdPrefix.Length..]);
        SHA256.HashData(input, hash);
        CryptographicOperations.ZeroMemory(input);
        return "kek-" + Convert.ToHexStringLower(hash[..8]);
    }
}
