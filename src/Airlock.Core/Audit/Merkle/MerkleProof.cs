using System.Security.Cryptography;

namespace Airlock.Core.Audit.Merkle;

/// <summary>
/// Verification of inclusion and consistency proofs, as RFC 9162 §2.1.3.2 and §2.1.4.2 spell it out. Every
/// hash must be 32 bytes, an index must be below the tree size, and a proof of the wrong length fails.
/// </summary>
public static class MerkleProof
{
    /// <summary>
    /// As <see cref="VerifyInclusion(long, long, ReadOnlySpan{byte}, IReadOnlyList{byte[]}, ReadOnlySpan{byte})"/> for the
    /// unsigned 64-bit index and size of RFC 9162's wire format; values past <see cref="long.MaxValue"/> never verify.
    /// </summary>
    public static bool VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root) =>
        index <= long.MaxValue && size <= long.MaxValue && VerifyInclusion((long)index, (long)size, leafHash, proof, root);

    /// <summary>As the signed overload, for the unsigned sizes of RFC 9162's wire format.</summary>
    public static bool VerifyConsistency(ulong first, ulong second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof) =>
        first <= long.MaxValue && second <= long.MaxValue && VerifyConsistency((long)first, (long)second, firstRoot, secondRoot, proof);

    /// <summary>Whether <paramref name="proof"/> shows the leaf <paramref name="leafHash"/> at <paramref name="index"/> in the tree of <paramref name="size"/> leaves with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || size <= 0 || index >= size || leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return false;
        }

        var computed = RootFromInclusion(index, size, leafHash, proof);
        return computed is not null && CryptographicOperations.FixedTimeEquals(computed, root);
    }

    /// <summary>The root that <paramref name="proof"/> implies, or null when the proof has the wrong length for (index, size).</summary>
    public static byte[]? RootFromInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size || leafHash.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return null;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows the tree of <paramref name="first"/> leaves with <paramref name="firstRoot"/>
    /// to be a prefix of the tree of <paramref name="second"/> leaves with <paramref name="secondRoot"/>. Equal sizes
    /// need an empty proof and equal roots; a proof from the empty tree proves nothing and fails.
    /// </summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first <= 0 || second < first)
        {
            return false;
        }

        if (first == second)
        {
            // A tree is consistent with itself exactly when the heads are the same bytes.
            return proof.Count == 0 && firstRoot.Length == secondRoot.Length && CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
        }

        if (firstRoot.Length != MerkleHash.Size || secondRoot.Length != MerkleHash.Size || proof.Count == 0 || !AllHashes(proof))
        {
            return false;
        }

        // RFC 9162 §2.1.4.2 step 2: when first is a power of two its root is the first node of the path.
        var path = long.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof;
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0
            && CryptographicOperations.FixedTimeEquals(fr, firstRoot)
            && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var p in proof)
        {
            if (p is null || p.Length != MerkleHash.Size)
            {
                return false;
            }
        }

        return true;
    }
}
