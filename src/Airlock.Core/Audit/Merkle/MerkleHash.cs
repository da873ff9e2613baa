using System.Security.Cryptography;

namespace Airlock.Core.Audit.Merkle;

/// <summary>
/// The hashing of RFC 9162 §2.1.1 with SHA-256: a leaf is SHA-256(0x00 ‖ data), an interior node
/// SHA-256(0x01 ‖ left ‖ right), and the empty tree SHA-256 of nothing. The prefixes keep a leaf from ever
/// being passed off as a node (second-preimage resistance).
/// </summary>
public static class MerkleHash
{
    /// <summary>The size of every hash, in bytes.</summary>
    public const int Size = 32;

    /// <summary>The name of the hash, written wherever a tree head is (R16).</summary>
    public const string Algorithm = "SHA-256";

    private static readonly byte[] EmptyRootBytes = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree, SHA-256("").</summary>
    public static ReadOnlySpan<byte> EmptyRoot => EmptyRootBytes;

    /// <summary>A new copy of the empty tree's root.</summary>
    public static byte[] EmptyRootCopy() => (byte[])EmptyRootBytes.Clone();

    /// <summary>SHA-256(0x00 ‖ data).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException("node children must be 32-byte hashes");
        }

        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2), the split point k of RFC 9162 §2.1.1.</summary>
    internal static long SplitPoint(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        return 1L << (int)(63 - long.LeadingZeroCount(n - 1));
    }
}
