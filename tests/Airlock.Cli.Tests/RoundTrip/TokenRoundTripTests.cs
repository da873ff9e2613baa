using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class TokenRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Create_use_list_revoke()
    {
        var create = await gateway.RunAsync("token", "create", "--name", "rt-ci", "--ttl", "1h");
        Assert.True(create.ExitCode == 0, create.ToString());
        var token = create.Stdout.TrimEnd('\n');
        Assert.StartsWith("airlock_admin_", token);
        Assert.Equal(token + "\n", create.Stdout);
        gateway.NeverPrint(token);

        var use = await gateway.RunWithAsync(null, token, "agent", "list");
        Assert.True(use.ExitCode == 0, use.ToString());

        var list = await gateway.RunAsync("token", "list", "-o", "json");
        var listed = JsonNode.Parse(list.Stdout)!.AsArray();
        Assert.Contains(listed, t => (string?)t!["name"] == "rt-ci" && (bool?)t["root"] == false);
        Assert.Contains(listed, t => (bool?)t!["root"] == true);
        var table = await gateway.RunAsync("token", "list");
        Assert.Contains("rt-ci", table.Stdout);

        var revoke = await gateway.RunAsync("token", "revoke", "rt-ci");
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Equal("revoked admin token `rt-ci`\n", revoke.Stdout);

        var refused = await gateway.RunWithAsync(null, token, "agent", "list");
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("AIRLOCK_ADMIN_TOKEN", refused.Stderr);
    }

    [Fact]
    public async Task Create_json_has_the_api_fields()
    {
        var create = await gateway.RunAsync("token", "create", "--name", "rt-json", "--ttl", "90s", "-o", "json");

        Assert.True(create.ExitCode == 0, create.ToString());
        var created = JsonNode.Parse(create.Stdout)!;
        gateway.NeverPrint((string)created["token"]!);
        Assert.Equal(["token", "id", "name", "created", "expires"], created.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Root_token_cannot_be_revoked_and_unknown_token_is_not_found()
    {
        var list = await gateway.RunAsync("token", "list", "-o", "json");
        var root = (string)JsonNode.Parse(list.Stdout)!.AsArray().First(t => (bool?)t!["root"] == true)!["id"]!;

        var revokeRoot = await gateway.RunAsync("token", "revoke", root);
        Assert.True(revokeRoot.ExitCode == 1, revokeRoot.ToString());

        var unknown = await gateway.RunAsync("token", "revoke", "rt-nope");
        Assert.True(unknown.ExitCode == 5, unknown.ToString());
    }
}
