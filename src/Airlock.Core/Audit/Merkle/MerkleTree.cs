namespace Airlock.Core.Audit.Merkle;

/// <summary>
/// A whole tree in memory, every level kept, built from leaf hashes: tree heads of any size and the inclusion
/// and consistency proofs of RFC 9162 §2.1.3.1 and §2.1.4.1. Each level holds the roots of the aligned perfect
/// subtrees completed so far, so any subtree the proofs ask for is found or composed in O(log n) hashes.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<List<byte[]>> _levels = [[]];

    /// <summary>The number of leaves.</summary>
    public long Size => _levels[0].Count;

    /// <summary>A tree of the given leaf hashes, in order.</summary>
    public static MerkleTree FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        var tree = new MerkleTree();
        foreach (var leaf in leafHashes)
        {
            tree.Append(leaf);
        }

        return tree;
    }

    /// <summary>Adds a leaf hash and completes every perfect subtree it closes.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("a leaf hash is 32 bytes", nameof(leafHash));
        }

        var node = leafHash.ToArray();
        for (var level = 0; ; level++)
        {
            if (_levels.Count == level)
            {
                _levels.Add([]);
            }

            var nodes = _levels[level];
            nodes.Add(node);
            if (nodes.Count % 2 != 0)
            {
                return;
            }

            node = MerkleHash.Node(nodes[^2], nodes[^1]);
        }
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _levels[0][(int)index];
    }

    /// <summary>The tree head of the first <paramref name="size"/> leaves, MTH(D[0:size]).</summary>
    public byte[] RootAt(long size)
    {
        CheckSize(size);
        return size == 0 ? MerkleHash.EmptyRootCopy() : SubtreeHash(0, size);
    }

    /// <summary>PATH(index, D[0:size]): the audit path of one leaf, leaf level first (RFC 9162 §2.1.3.1).</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        CheckSize(size);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var proof = new List<byte[]>();
        Path(index, 0, size, proof);
        return proof;
    }

    /// <summary>PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1, for 0 &lt; first ≤ second ≤ size.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long first, long second)
    {
        CheckSize(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var proof = new List<byte[]>();
        SubProof(first, 0, second, complete: true, proof);
        return proof;
    }

    private void Path(long index, long start, long n, List<byte[]> proof)
    {
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (index < k)
        {
            Path(index, start, k, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            Path(index - k, start + k, n - k, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    private void SubProof(long m, long start, long n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(SubtreeHash(start, n));
            }

            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, start, k, complete, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            SubProof(m - k, start + k, n - k, complete: false, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    /// <summary>MTH(D[start:start+n]) for n ≥ 1, where every left split is an aligned perfect subtree held in a level.</summary>
    private byte[] SubtreeHash(long start, long n)
    {
        if (long.IsPow2(n) && start % n == 0)
        {
            var level = long.Log2(n);
            return _levels[(int)level][(int)(start >> (int)level)];
        }

        // INVARIANT: start is a multiple of k here (the recursion only ever splits at powers of two from an
        // aligned start), so the left half is one stored node.
        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(SubtreeHash(start, k), SubtreeHash(start + k, n - k));
    }

    private void CheckSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
    }
}
