using System.Text;
using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class AuditApiTests
{
    private static AuditRecord Decision(int i) => new()
    {
        Kind = AuditRecordKind.Decision,
        Time = DateTimeOffset.UnixEpoch.AddDays(20_000),
        SessionId = "ses-" + i,
        AgentId = "bot",
        Method = "GET",
        Service = "github",
        Path = "/repos/acme/issues/" + i,
        Intent = "triage the open issues",
        Reason = "reading issue " + i,
        Decision = AuditDecision.Permit,
        Policies = ["policy0"],
    };

    [Fact]
    public async Task Records_checkpoints_verify_and_proofs_agree_with_the_signed_checkpoint()
    {
        await using var gateway = await RunningGateway.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await gateway.Runtime.Audit.AppendAsync(Decision(i), TestContext.Current.CancellationToken);
        }

        var checkpoint = await gateway.Runtime.Audit.CheckpointAsync(TestContext.Current.CancellationToken);

        var lines = (await gateway.Admin.GetStringAsync("/v1/audit/records?from=0&limit=10")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var leaves = lines.Select(l => MerkleHash.Leaf(Encoding.UTF8.GetBytes(l))).ToArray();
        Assert.Equal(checkpoint.RootHash, MerkleTree.FromLeafHashes(leaves).RootAt(5));
        Assert.Equal(3, AuditRecordEncoding.Decode(Encoding.UTF8.GetBytes(lines[3])).Sequence);

        var one = await gateway.GetAsync("/v1/audit/records/2");
        Assert.Equal("reading issue 2", one["record"]!["reason"]!.GetValue<string>());
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync("/v1/audit/records/99"), 404, "not_found");

        var checkpoints = await gateway.GetAsync("/v1/audit/checkpoints");
        Assert.Equal(5, checkpoints[0]!["tree_size"]!.GetValue<long>());
        Assert.Equal("ES256", checkpoints[0]!["algorithm"]!.GetValue<string>());

        var verify = await gateway.GetAsync("/v1/audit/verify");
        Assert.True(verify["ok"]!.GetValue<bool>());
        Assert.Equal(5, verify["record_count"]!.GetValue<long>());

        var inclusion = await gateway.GetAsync("/v1/audit/proofs/inclusion?seq=3&size=5");
        var path = inclusion["proof"]!.AsArray().Select(p => Convert.FromBase64String(p!.GetValue<string>())).ToArray();
        Assert.True(MerkleProof.VerifyInclusion(3L, 5L, leaves[3], path, checkpoint.RootHash));

        var consistency = await gateway.GetAsync("/v1/audit/proofs/consistency?from=2&to=5");
        var proof = consistency["proof"]!.AsArray().Select(p => Convert.FromBase64String(p!.GetValue<string>())).ToArray();
        Assert.True(MerkleProof.VerifyConsistency(2L, 5L, MerkleTree.FromLeafHashes(leaves).RootAt(2), checkpoint.RootHash, proof));

        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync("/v1/audit/proofs/inclusion?seq=9"), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync("/v1/audit/records?limit=-1"), 422, "validation");
    }

    [Fact]
    public async Task Audit_routes_need_an_admin_token()
    {
        await using var gateway = await RunningGateway.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = gateway.Server.AdminAddress };

        await RunningGateway.ExpectProblemAsync(await anonymous.GetAsync("/v1/audit/records"), 401, "unauthenticated");
    }
}
