using System.Text.Json;
using Airlock.Core.Audit.Merkle;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Audit;

/// <summary>The 8-leaf tree of RFC 6962's reference tests (shared/vectors/rfc6962-reference-tree.json).</summary>
internal sealed record ReferenceTree(IReadOnlyList<byte[]> Leaves, IReadOnlyList<string> Roots)
{
    public static ReferenceTree Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path("rfc6962-reference-tree.json")));
        var leaves = json.RootElement.GetProperty("leaf_inputs_hex").EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToArray();
        var roots = json.RootElement.GetProperty("root_hash_by_tree_size_hex");
        return new ReferenceTree(leaves, Enumerable.Range(0, leaves.Length + 1).Select(i => roots.GetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString()!).ToArray());
    }

    public static MerkleTree Build() => MerkleTree.FromLeafHashes(Load().Leaves.Select(l => MerkleHash.Leaf(l)));
}
