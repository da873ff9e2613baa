using System.Text.Json;
using Airlock.Core.Audit.Merkle;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Audit;

/// <summary>Every inclusion and consistency vector of transparency-dev/merkle, and the RFC 6962 reference tree.</summary>
public sealed class MerkleVectorTests
{
    public static TheoryData<string> InclusionFiles => SharedVectors.JsonFiles("merkle-transparency-dev/inclusion");

    public static TheoryData<string> ConsistencyFiles => SharedVectors.JsonFiles("merkle-transparency-dev/consistency");

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion_Vector_VerifiesExactlyWhenExpected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path(file)));
        var v = json.RootElement;
        var ok = MerkleProof.VerifyInclusion(
            v.GetProperty("leafIdx").GetUInt64(),
            v.GetProperty("treeSize").GetUInt64(),
            Bytes(v, "leafHash"),
            Proof(v),
            Bytes(v, "root"));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), ok);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency_Vector_VerifiesExactlyWhenExpected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path(file)));
        var v = json.RootElement;
        var ok = MerkleProof.VerifyConsistency(
            v.GetProperty("size1").GetUInt64(),
            v.GetProperty("size2").GetUInt64(),
            Bytes(v, "root1"),
            Bytes(v, "root2"),
            Proof(v));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), ok);
    }

    [Fact]
    public void ReferenceTree_EverySize_HasTheReferenceRoot()
    {
        var reference = ReferenceTree.Load();
        var frontier = new MerkleFrontier();
        var tree = new MerkleTree();
        Assert.Equal(reference.Roots[0], Convert.ToHexStringLower(frontier.Root()));
        for (var i = 0; i < reference.Leaves.Count; i++)
        {
            var leaf = MerkleHash.Leaf(reference.Leaves[i]);
            frontier.Append(leaf);
            tree.Append(leaf);
            Assert.Equal(reference.Roots[i + 1], Convert.ToHexStringLower(frontier.Root()));
        }

        for (var size = 0; size <= reference.Leaves.Count; size++)
        {
            Assert.Equal(reference.Roots[size], Convert.ToHexStringLower(tree.RootAt(size)));
        }
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion_HappyPathVector_IsTheProofWeGenerate(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path(file)));
        var v = json.RootElement;
        var size = v.GetProperty("treeSize").GetInt64();
        if (v.GetProperty("wantErr").GetBoolean() || size > 8 || !file.Contains("inclusion", StringComparison.Ordinal) || Bytes(v, "root").Length != 32)
        {
            return;
        }

        var tree = ReferenceTree.Build();
        if (!tree.RootAt(size).AsSpan().SequenceEqual(Bytes(v, "root")))
        {
            return; // a vector over another tree (single-entry)
        }

        var index = (long)v.GetProperty("leafIdx").GetUInt64();
        Assert.Equal(Proof(v).Select(Convert.ToHexString), tree.InclusionProof(index, size).Select(Convert.ToHexString));
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency_HappyPathVector_IsTheProofWeGenerate(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path(file)));
        var v = json.RootElement;
        var first = v.GetProperty("size1").GetInt64();
        var second = v.GetProperty("size2").GetInt64();
        if (v.GetProperty("wantErr").GetBoolean() || first < 1 || second > 8 || Bytes(v, "root2").Length != 32)
        {
            return;
        }

        var tree = ReferenceTree.Build();
        if (!tree.RootAt(second).AsSpan().SequenceEqual(Bytes(v, "root2")))
        {
            return;
        }

        Assert.Equal(Proof(v).Select(Convert.ToHexString), tree.ConsistencyProof(first, second).Select(Convert.ToHexString));
    }

    private static byte[] Bytes(JsonElement v, string name) => Convert.FromBase64String(v.GetProperty(name).GetString() ?? "");

    private static byte[][] Proof(JsonElement v) =>
        v.GetProperty("proof") is { ValueKind: JsonValueKind.Array } proof
            ? proof.EnumerateArray().Select(p => Convert.FromBase64String(p.GetString() ?? "")).ToArray()
            : [];
}
