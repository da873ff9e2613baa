using System.Buffers.Text;
using System.Security.Cryptography;

namespace Airlock.Core.Keys;

/// <summary>The one text form of a key-encryption key: standard base64 of its 32 bytes on one line.</summary>
internal static class KeyText
{
    /// <summary>
    /// Decodes <paramref name="utf8"/> (surrounding whitespace, such as the file's final newline, is ignored).
    /// Returns null and says why in <paramref name="problem"/> without quoting the input.
    /// </summary>
    public static KeyEncryptionKey? TryDecode(ReadOnlySpan<byte> utf8, out string? problem)
    {
        var text = utf8.Trim(" \t\r\n"u8);
        if (text.IndexOfAny("\r\n"u8) >= 0)
        {
            problem = "it holds more than one line";
            return null;
        }

        // 32 bytes are 44 base64 characters; anything far longer is not a key and is not decoded at all.
        if (text.Length == 0 || text.Length > 64)
        {
            problem = text.Length == 0 ? "it is empty" : "it is too long to be a base64 AES-256 key";
            return null;
        }

        Span<byte> key = stackalloc byte[48];
        try
        {
            var status = Base64.DecodeFromUtf8(text, key, out var consumed, out var written);
            if (status != System.Buffers.OperationStatus.Done || consumed != text.Length)
            {
                problem = "it is not valid base64";
                return null;
            }

            if (written != KeyEncryptionKey.KeySize)
            {
                problem = $"it decodes to {written} bytes, not the {KeyEncryptionKey.KeySize} of an AES-256 key";
                return null;
            }

            problem = null;
            return new KeyEncryptionKey(key[..written]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Encodes a key as one line of base64 with a final newline.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> key)
    {
        var text = new byte[Base64.GetMaxEncodedToUtf8Length(key.Length) + 1];
        Base64.EncodeToUtf8(key, text, out _, out var written);
        text[written] = (byte)'\n';
        return text;
    }
}
