using Airlock.Core.Audit.Merkle;

namespace Airlock.Core.Tests.Audit;

/// <summary>Proofs we generate verify for every index and size pair of small trees, and fail when disturbed.</summary>
public sealed class MerkleTreeTests
{
    [Fact]
    public void Proofs_AllIndicesAndSizesUpTo40_VerifyAndRootsAgreeWithTheFrontier()
    {
        var tree = new MerkleTree();
        var frontier = new MerkleFrontier();
        for (var i = 0; i < 40; i++)
        {
            var leaf = MerkleHash.Leaf([(byte)i, (byte)(i * 7)]);
            tree.Append(leaf);
            frontier.Append(leaf);
            Assert.Equal(frontier.Root(), tree.RootAt(i + 1));
        }

        for (long size = 1; size <= 40; size++)
        {
            var root = tree.RootAt(size);
            for (long index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                Assert.True(MerkleProof.VerifyInclusion(index, size, tree.LeafHash(index), proof, root));
                Assert.False(MerkleProof.VerifyInclusion(index, size, tree.LeafHash((index + 1) % size == index ? 0 : (index + 1) % size), proof, root) && size > 1);
            }

            for (long first = 1; first <= size; first++)
            {
                var proof = tree.ConsistencyProof(first, size);
                Assert.True(MerkleProof.VerifyConsistency(first, size, tree.RootAt(first), root, proof));
                if (first < size)
                {
                    var wrong = tree.RootAt(first - 1 == 0 ? first + 1 : first - 1);
                    Assert.False(MerkleProof.VerifyConsistency(first, size, wrong, root, proof));
                    Assert.False(MerkleProof.VerifyConsistency(first, size, tree.RootAt(first), root, proof.Take(proof.Count - 1).ToArray()));
                }
            }
        }
    }

    [Fact]
    public void EmptyTree_RootIsSha256OfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleTree().RootAt(0)));
    }
}
