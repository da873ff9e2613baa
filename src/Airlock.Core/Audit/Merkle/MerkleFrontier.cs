namespace Airlock.Core.Audit.Merkle;

/// <summary>
/// The right frontier of a growing tree: the roots of its perfect subtrees, largest first, one per set bit of
/// the size. Appending costs O(1) amortized hashes and the root O(log n); nothing else of the log is kept.
/// </summary>
public sealed class MerkleFrontier
{
    // _nodes[i] is the root of a perfect subtree of height _heights[i]; heights strictly decrease.
    private readonly List<byte[]> _nodes = [];
    private readonly List<int> _heights = [];

    /// <summary>The number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>Adds a leaf hash (already SHA-256(0x00 ‖ data)).</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("a leaf hash is 32 bytes", nameof(leafHash));
        }

        var node = leafHash.ToArray();
        var height = 0;
        while (_heights.Count > 0 && _heights[^1] == height)
        {
            node = MerkleHash.Node(_nodes[^1], node);
            _nodes.RemoveAt(_nodes.Count - 1);
            _heights.RemoveAt(_heights.Count - 1);
            height++;
        }

        _nodes.Add(node);
        _heights.Add(height);
        Size++;
    }

    /// <summary>The tree head of the leaves so far (RFC 9162 §2.1.1): the subtree roots folded from the right.</summary>
    public byte[] Root()
    {
        if (_nodes.Count == 0)
        {
            return MerkleHash.EmptyRootCopy();
        }

        var root = _nodes[^1];
        for (var i = _nodes.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(_nodes[i], root);
        }

        return root;
    }

    /// <summary>An independent copy, e.g. to compute a root ahead of a commit without touching this one.</summary>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        copy._nodes.AddRange(_nodes);
        copy._heights.AddRange(_heights);
        return copy;
    }
}
