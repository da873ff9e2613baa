using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class SessionApiTests
{
    [Fact]
    public async Task Started_sessions_are_listed_shown_and_filtered()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/services", new { name = "github", url = "https://api.github.com" });
        await gateway.PostAsync("/v1/agents", new { id = "bot", groups = new[] { "triage" } });
        var started = await gateway.PostAsync("/v1/sessions", new { agent = "bot", user = "alice", intent = "list my open issues", scope = new[] { "github", "github/issues.list" }, ttl_seconds = 600 });
        var (_, other) = await gateway.StartSessionAsync("bot", "bob");

        var id = started["session"]!["id"]!.GetValue<string>();
        Assert.Equal(started["expires"]!.GetValue<string>(), started["session"]!["expires"]!.GetValue<string>());
        var shown = await gateway.GetAsync($"/v1/sessions/{id}");
        Assert.Equal("list my open issues", shown["intent"]!.GetValue<string>());
        Assert.Equal(2, shown["scope"]!.AsArray().Count);
        Assert.EndsWith("Z", shown["created"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await gateway.GetAsync("/v1/sessions?agent=bot")).AsArray().Count);
        Assert.Single((await gateway.GetAsync("/v1/sessions?user=alice")).AsArray());

        await gateway.PostAsync($"/v1/sessions/{other}/revoke", new { }, expectedStatus: 200);
        Assert.Single((await gateway.GetAsync("/v1/sessions")).AsArray());
        var all = await gateway.GetAsync("/v1/sessions?all=true");
        Assert.Contains(all.AsArray(), s => s!["status"]!.GetValue<string>() == "revoked");

        gateway.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty((await gateway.GetAsync("/v1/sessions")).AsArray());
        Assert.Equal("expired", (await gateway.GetAsync($"/v1/sessions/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoking_twice_reports_nothing_new_and_an_unknown_session_is_not_found()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (_, id) = await gateway.StartSessionAsync();

        await gateway.PostAsync($"/v1/sessions/{id}/revoke", new { }, expectedStatus: 200);
        var again = await gateway.PostAsync($"/v1/sessions/{id}/revoke", new { }, expectedStatus: 200);

        Assert.Empty(again["revoked"]!.AsArray());
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/sessions/ses_nope/revoke", new { }), 404, "not_found");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/sessions/revoke", new { agent = "a", user = "b" }), 422, "validation");
    }

    public static TheoryData<string, string> InvalidStarts() => new()
    {
        { """{"agent":"ghost","intent":"x"}""", "agent" },
        { """{"agent":"bot","intent":""}""", "intent" },
        { """{"agent":"bot","intent":"x","ttl_seconds":0}""", "ttl_seconds" },
        { """{"agent":"bot","intent":"x","ttl_seconds":43201}""", "ttl_seconds" },
        { """{"agent":"bot","intent":"x","scope":["nosuchservice"]}""", "scope[0]" },
        { """{"agent":"bot","intent":"x","scope":["Bad Scope"]}""", "scope[0]" },
        { """{"agent":"bot","user":"bad user","intent":"x"}""", "user" },
    };

    [Theory]
    [MemberData(nameof(InvalidStarts))]
    public async Task Invalid_session_requests_name_the_field_and_start_nothing(string body, string field)
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/agents", new { id = "bot" });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var problem = await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsync("/v1/sessions", content), 422, "validation");

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
        Assert.Empty((await gateway.GetAsync("/v1/sessions?all=true")).AsArray());
    }

    [Fact]
    public async Task Agents_and_users_round_trip()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var agent = await gateway.PostAsync("/v1/agents", new { id = "triage-bot", description = "sorts issues", groups = new[] { "bots", "triage" } });
        Assert.True(agent["enabled"]!.GetValue<bool>());
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/agents", new { id = "triage-bot" }), 409, "conflict");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/agents/nope/disable", new { }), 404, "not_found");

        using (var put = await gateway.Admin.PutAsJsonAsync("/v1/users/alice", new { groups = new[] { "eng" } }))
        {
            await RunningGateway.ExpectAsync(put, 201);
        }

        using (var put = await gateway.Admin.PutAsJsonAsync("/v1/users/alice", new { groups = new[] { "eng", "oncall" } }))
        {
            Assert.Equal(2, (await RunningGateway.ExpectAsync(put, 200))["groups"]!.AsArray().Count);
        }

        Assert.Single((await gateway.GetAsync("/v1/users")).AsArray());
        Assert.Equal("sorts issues", (await gateway.GetAsync("/v1/agents/triage-bot"))["description"]!.GetValue<string>());
    }
}
