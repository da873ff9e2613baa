using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class IdentityRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Agent_add_list_show_disable_enable()
    {
        var add = await gateway.RunAsync("agent", "add", "rt-bot", "--group", "triage", "--group", "readers", "--description", "issue triage", "-o", "json");
        Assert.True(add.ExitCode == 0, add.ToString());
        var agent = JsonNode.Parse(add.Stdout)!;
        Assert.Equal(["id", "description", "groups", "enabled", "created"], agent.AsObject().Select(p => p.Key));
        Assert.Equal(["triage", "readers"], agent["groups"]!.AsArray().Select(g => (string?)g));
        Assert.True((bool?)agent["enabled"]);

        var duplicate = await gateway.RunAsync("agent", "add", "rt-bot");
        Assert.True(duplicate.ExitCode == 6, duplicate.ToString());

        var list = await gateway.RunAsync("agent", "list");
        Assert.Contains("rt-bot", list.Stdout);
        Assert.Contains("triage,readers", list.Stdout);

        var disable = await gateway.RunAsync("agent", "disable", "rt-bot");
        Assert.True(disable.ExitCode == 0, disable.ToString());
        Assert.Contains("enabled      no", disable.Stdout);
        var show = await gateway.RunAsync("agent", "show", "rt-bot", "-o", "json");
        Assert.False((bool?)JsonNode.Parse(show.Stdout)!["enabled"]);

        var enable = await gateway.RunAsync("agent", "enable", "rt-bot", "-o", "json");
        Assert.True((bool?)JsonNode.Parse(enable.Stdout)!["enabled"]);

        var missing = await gateway.RunAsync("agent", "show", "rt-nobody");
        Assert.True(missing.ExitCode == 5, missing.ToString());
        Assert.Contains("airlock agent list", missing.Stderr);
    }

    [Fact]
    public async Task User_add_list_and_update_groups()
    {
        var add = await gateway.RunAsync("user", "add", "rt-alice@example.com", "--group", "eng");
        Assert.True(add.ExitCode == 0, add.ToString());

        var update = await gateway.RunAsync("user", "add", "rt-alice@example.com", "--group", "ops", "-o", "json");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal(["ops"], JsonNode.Parse(update.Stdout)!["groups"]!.AsArray().Select(g => (string?)g));

        var list = await gateway.RunAsync("user", "list", "-o", "json");
        Assert.Contains(JsonNode.Parse(list.Stdout)!.AsArray(), u => (string?)u!["id"] == "rt-alice@example.com");
        var table = await gateway.RunAsync("user", "list");
        Assert.Contains("rt-alice@example.com", table.Stdout);
    }
}
