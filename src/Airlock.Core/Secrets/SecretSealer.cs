using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Keys;

namespace Airlock.Core.Secrets;

/// <summary>
/// Envelope encryption of one secret version (algorithm <see cref="Algorithm"/>): the value is sealed with
/// AES-256-GCM under a fresh random data key, and the data key is sealed with AES-256-GCM under the
/// key-encryption key. Each blob is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes). Both are bound, as associated
/// data, to the secret's name and version, so a blob copied into another row fails to open.
/// </summary>
internal static class SecretSealer
{
    /// <summary>The algorithm name stored with every version, so that a successor can be introduced beside it (R16).</summary>
    public const string Algorithm = "A256GCM-envelope-v1";

    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int DataKeySize = 32;
    public const int WrappedDataKeySize = NonceSize + DataKeySize + TagSize;

    // Domain separation: these associated data can never equal those of another Airlock format or algorithm.
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("airlock/vault/" + Algorithm + "\0");

    internal enum Purpose : byte
    {
        Value = 1,
        DataKey = 2,
    }

    /// <summary>Seals <paramref name="plaintext"/> as version <paramref name="version"/> of <paramref name="name"/>; the caller zeroes the plaintext.</summary>
    public static SealedSecretVersion Seal(string name, int version, ReadOnlySpan<byte> plaintext, KeyEncryptionKey kek, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Span<byte> dataKey = stackalloc byte[DataKeySize];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            var ciphertext = Encrypt(dataKey, plaintext, AssociatedData(Purpose.Value, name, version));
            var wrappedDataKey = Encrypt(kek.Bytes, dataKey, AssociatedData(Purpose.DataKey, name, version));
            return new SealedSecretVersion(name, version, Algorithm, kek.Id, wrappedDataKey, ciphertext, createdAt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Opens a sealed version, authenticating it as version <see cref="SealedSecretVersion.Version"/> of
    /// <see cref="SealedSecretVersion.Name"/>. The caller zeroes the returned plaintext. Any failure, whether
    /// a wrong key, a tampered byte or a blob from another row, throws <see cref="SecretDecryptionException"/>.
    /// </summary>
    public static byte[] Open(SealedSecretVersion sealedVersion, KeyEncryptionKey kek)
    {
        var (name, version) = (sealedVersion.Name, sealedVersion.Version);
        if (sealedVersion.Algorithm != Algorithm)
        {
            throw new SecretDecryptionException(name, version, "it was sealed with an algorithm this Airlock does not know");
        }

        var wrapped = sealedVersion.WrappedDataKey;
        var ciphertext = sealedVersion.Ciphertext;
        if (wrapped.Length != WrappedDataKeySize || ciphertext.Length < NonceSize + TagSize || version < 1)
        {
            throw new SecretDecryptionException(name, version, "the stored blobs have the wrong length");
        }

        Span<byte> dataKey = stackalloc byte[DataKeySize];
        try
        {
            if (!TryDecrypt(kek.Bytes, wrapped, dataKey, AssociatedData(Purpose.DataKey, name, version)))
            {
                throw new SecretDecryptionException(name, version, "its data key does not open under this key-encryption key");
            }

            var plaintext = new byte[ciphertext.Length - NonceSize - TagSize];
            if (!TryDecrypt(dataKey, ciphertext, plaintext, AssociatedData(Purpose.Value, name, version)))
            {
                CryptographicOperations.ZeroMemory(plaintext);
                throw new SecretDecryptionException(name, version, "its value does not open under its data key");
            }

            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// domain ‖ purpose (1 byte) ‖ name length (4 bytes, big-endian) ‖ name (UTF-8) ‖ version (4 bytes, big-endian).
    /// The length prefix makes the encoding injective: no two (purpose, name, version) triples share one.
    /// </summary>
    internal static byte[] AssociatedData(Purpose purpose, string name, int version)
    {
        var nameLength = Encoding.UTF8.GetByteCount(name);
        var data = new byte[Domain.Length + 1 + 4 + nameLength + 4];
        var span = data.AsSpan();
        Domain.CopyTo(span);
        span = span[Domain.Length..];
        span[0] = (byte)purpose;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], nameLength);
        Encoding.UTF8.GetBytes(name, span[5..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(5 + nameLength)..], version);
        return data;
    }

    private static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    private static bool TryDecrypt(ReadOnlySpan<byte> key, byte[] sealedBlob, Span<byte> plaintext, byte[] associatedData)
    {
        var length = sealedBlob.Length - NonceSize - TagSize;
        if (plaintext.Length != length)
        {
            return false;
        }

        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(
                sealedBlob.AsSpan(0, NonceSize),
                sealedBlob.AsSpan(NonceSize, length),
                sealedBlob.AsSpan(NonceSize + length, TagSize),
                plaintext,
                associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            // AesGcm has already zeroed the output.
            return false;
        }
    }
}
