using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class SessionRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Start_prints_only_the_token_in_table_mode()
    {
        await SetUpAsync("ss-bot", "ss-alice");

        var start = await gateway.RunAsync("session", "start", "--agent", "ss-bot", "--user", "ss-alice", "--intent", "triage new issues", "--ttl", "15m");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Empty(start.Stderr);
        var token = start.Stdout.TrimEnd('\n');
        Assert.Equal(token + "\n", start.Stdout);
        Assert.Equal(3, token.Split('.').Length);
        Assert.DoesNotContain(' ', token);
    }

    [Fact]
    public async Task Start_json_list_show_and_revoke_by_id()
    {
        await SetUpAsync("sj-bot", "sj-alice");
        var service = await gateway.RunAsync("service", "add", "sj-svc", "--url", "https://api.example.com", "--inject", "none");
        Assert.True(service.ExitCode == 0, service.ToString());

        var start = await gateway.RunAsync(
            "session", "start", "--agent", "sj-bot", "--user", "sj-alice", "--intent", "read the docs", "--scope", "sj-svc", "--scope", "sj-svc/issues.list",
            "--ttl", "2h30m", "--output", "json");
        Assert.True(start.ExitCode == 0, start.ToString());
        var started = JsonNode.Parse(start.Stdout)!;
        Assert.Equal(["token", "session", "expires"], started.AsObject().Select(p => p.Key));
        var session = started["session"]!;
        var id = (string)session["id"]!;
        Assert.Equal("active", (string?)session["status"]);
        Assert.Equal(["sj-svc", "sj-svc/issues.list"], session["scope"]!.AsArray().Select(s => (string?)s));
        var lifetime = DateTimeOffset.Parse((string)started["expires"]!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse((string)session["created"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromMinutes(150), lifetime);

        var list = await gateway.RunAsync("session", "list", "--agent", "sj-bot", "-o", "json");
        Assert.Equal([id], JsonNode.Parse(list.Stdout)!.AsArray().Select(s => (string?)s!["id"]));
        var table = await gateway.RunAsync("session", "list", "--user", "sj-alice");
        Assert.Contains(id, table.Stdout);
        Assert.Contains("read the docs", table.Stdout);

        var show = await gateway.RunAsync("session", "show", id);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("status          active", show.Stdout);

        var revoke = await gateway.RunAsync("session", "revoke", id, "--reason", "done");
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Equal($"revoked session {id}\n", revoke.Stdout);
        var again = await gateway.RunAsync("session", "revoke", id, "-o", "json");
        Assert.Empty(JsonNode.Parse(again.Stdout)!["revoked"]!.AsArray());

        var ended = await gateway.RunAsync("session", "show", id, "-o", "json");
        Assert.Equal("revoked", (string?)JsonNode.Parse(ended.Stdout)!["status"]);
        Assert.Equal("done", (string?)JsonNode.Parse(ended.Stdout)!["revoked_reason"]);
        var active = await gateway.RunAsync("session", "list", "--agent", "sj-bot");
        Assert.DoesNotContain(id, active.Stdout);
        var all = await gateway.RunAsync("session", "list", "--agent", "sj-bot", "--all");
        Assert.Contains(id, all.Stdout);
    }

    [Fact]
    public async Task Revoke_by_agent_and_by_user()
    {
        await SetUpAsync("sr-bot", "sr-alice");
        var first = await StartAsync("sr-bot", "sr-alice");
        var second = await StartAsync("sr-bot", null);
        var third = await StartAsync("sr-bot", "sr-alice");

        var byUser = await gateway.RunAsync("session", "revoke", "--user", "sr-alice", "-o", "json");
        Assert.True(byUser.ExitCode == 0, byUser.ToString());
        Assert.Equal(new[] { first, third }.Order(), JsonNode.Parse(byUser.Stdout)!["revoked"]!.AsArray().Select(s => (string)s!).Order());

        var byAgent = await gateway.RunAsync("session", "revoke", "--agent", "sr-bot", "--reason", "rotation");
        Assert.True(byAgent.ExitCode == 0, byAgent.ToString());
        Assert.Equal($"revoked session {second}\n", byAgent.Stdout);

        var none = await gateway.RunAsync("session", "revoke", "--agent", "sr-bot");
        Assert.Equal("no session was revoked: none was active\n", none.Stdout);
    }

    [Fact]
    public async Task Server_side_refusals_map_to_exit_codes()
    {
        await SetUpAsync("se-bot", "se-alice");

        var missing = await gateway.RunAsync("session", "show", "no-such-session");
        Assert.True(missing.ExitCode == 5, missing.ToString());

        var tooLong = await gateway.RunAsync("session", "start", "--agent", "se-bot", "--intent", "x", "--ttl", "7d");
        Assert.True(tooLong.ExitCode == 1, tooLong.ToString());
        Assert.StartsWith("error: ", tooLong.Stderr);

        var disable = await gateway.RunAsync("agent", "disable", "se-bot");
        Assert.True(disable.ExitCode == 0, disable.ToString());
        var disabled = await gateway.RunAsync("session", "start", "--agent", "se-bot", "--intent", "x");
        Assert.True(disabled.ExitCode == 1, disabled.ToString());
        Assert.Contains("error: agent: 'se-bot' is disabled", disabled.Stderr);
        Assert.Empty(disabled.Stdout);

        var unknownAgent = await gateway.RunAsync("session", "start", "--agent", "se-nobody", "--intent", "x");
        Assert.True(unknownAgent.ExitCode == 1, unknownAgent.ToString());
        Assert.Contains("error: agent: 'se-nobody' is not registered", unknownAgent.Stderr);
        Assert.Empty(unknownAgent.Stdout);
    }

    private async Task SetUpAsync(string agent, string user)
    {
        var a = await gateway.RunAsync("agent", "add", agent);
        Assert.True(a.ExitCode == 0, a.ToString());
        var u = await gateway.RunAsync("user", "add", user);
        Assert.True(u.ExitCode == 0, u.ToString());
    }

    private async Task<string> StartAsync(string agent, string? user)
    {
        string[] args = user is null
            ? ["session", "start", "--agent", agent, "--intent", "work", "-o", "json"]
            : ["session", "start", "--agent", agent, "--user", user, "--intent", "work", "-o", "json"];
        var start = await gateway.RunAsync(args);
        Assert.True(start.ExitCode == 0, start.ToString());
        return (string)JsonNode.Parse(start.Stdout)!["session"]!["id"]!;
    }
}
