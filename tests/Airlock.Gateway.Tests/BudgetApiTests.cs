using System.Net;
using System.Text.Json.Nodes;
using Airlock.Core.Budgets;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class BudgetApiTests
{
    [Fact]
    public async Task A_budget_is_set_shown_listed_replaced_and_removed()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/agents", new { id = "bot" });

        var created = await PutAsync(gateway, "/v1/budgets/agent/bot", new { requests_per_window = 100, tokens_per_window = 50000, window_seconds = 30, usd_per_day = 2.5m, usd_per_month = 40.000001m }, 201);

        Assert.Equal(["scope", "id", "limits", "usage", "spend"], created.AsObject().Select(p => p.Key));
        Assert.Equal(
            """{"scope":"agent","id":"bot","requests_per_window":100,"tokens_per_window":50000,"window_seconds":30,"usd_per_day":2.5,"usd_per_month":40.000001,"updated":""" +
            $"\"{created["limits"]!["updated"]}\"}}",
            created["limits"]!.ToJsonString());
        var requests = created["usage"]!["requests_per_window"]!;
        Assert.Equal(100, requests["limit"]!.GetValue<decimal>());
        Assert.Equal(100, requests["remaining"]!.GetValue<decimal>());
        Assert.Equal(30, (requests["period_end"]!.GetValue<DateTimeOffset>() - requests["period_start"]!.GetValue<DateTimeOffset>()).TotalSeconds);
        Assert.Equal(2.5m, created["usage"]!["usd_per_day"]!["remaining"]!.GetValue<decimal>());

        var replaced = await PutAsync(gateway, "/v1/budgets/agent/bot", new { usd_per_day = 1 }, 200);
        Assert.Null(replaced["limits"]!["requests_per_window"]);
        Assert.Equal(60, replaced["limits"]!["window_seconds"]!.GetValue<long>());
        Assert.Null(replaced["usage"]!["requests_per_window"]!["remaining"]);

        var list = await gateway.GetAsync("/v1/budgets");
        Assert.Equal("bot", Assert.Single(list.AsArray())!["id"]!.GetValue<string>());

        await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/budgets/agent/bot"), 204);
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.DeleteAsync("/v1/budgets/agent/bot"), 404, "not_found");
        Assert.Null((await gateway.GetAsync("/v1/budgets/agent/bot"))["limits"]);
        Assert.Empty((await gateway.GetAsync("/v1/budgets")).AsArray());
    }

    public static TheoryData<string, string, string> InvalidBodies() => new()
    {
        { "agent/bot", """{"usd_per_day": 0.0000001}""", "usd_per_day" },
        { "agent/bot", """{"usd_per_month": -1}""", "usd_per_month" },
        { "agent/bot", """{"usd_per_day": 1000000001}""", "usd_per_day" },
        { "agent/bot", """{"requests_per_window": -1}""", "requests_per_window" },
        { "agent/bot", """{"tokens_per_window": 10, "window_seconds": 0}""", "window_seconds" },
        { "agent/bot", """{"tokens_per_window": 10, "window_seconds": 86401}""", "window_seconds" },
        { "agent/bot", """{"window_seconds": 60}""", "limits" },
        { "agent/ghost", """{"requests_per_window": 1}""", "id" },
        { "session/ses_none", """{"requests_per_window": 1}""", "id" },
        { "user/bad%20id", """{"requests_per_window": 1}""", "id" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_budgets_are_refused_with_the_field_at_fault_and_nothing_is_stored(string path, string body, string field)
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/agents", new { id = "bot" });

        var problem = await RunningGateway.ExpectProblemAsync(await PutRawAsync(gateway, $"/v1/budgets/{path}", body), 422, "validation");

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
        Assert.Empty((await gateway.GetAsync("/v1/budgets")).AsArray());
    }

    [Fact]
    public async Task Every_field_at_fault_is_reported_at_once()
    {
        await using var gateway = await RunningGateway.StartAsync();

        var problem = await RunningGateway.ExpectProblemAsync(
            await PutRawAsync(gateway, "/v1/budgets/agent/bad%20id", """{"usd_per_day": 0.1234567, "requests_per_window": -5, "window_seconds": 0}"""), 422, "validation");

        Assert.Equal(["window_seconds", "usd_per_day", "id", "requests_per_window"], problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_bodies_and_unknown_scopes_are_refused()
    {
        await using var gateway = await RunningGateway.StartAsync();

        await RunningGateway.ExpectProblemAsync(await PutRawAsync(gateway, "/v1/budgets/user/alice", """{"usd_per_day": 1, "dollars": 2}"""), 400, "bad_request");
        var scope = await RunningGateway.ExpectProblemAsync(await PutRawAsync(gateway, "/v1/budgets/team/x", """{"usd_per_day": 1}"""), 404, "not_found");
        Assert.Contains("session, agent and user", scope["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync("/v1/budgets/team/x"), 404, "not_found");
        using var anonymous = new HttpClient { BaseAddress = gateway.Server.AdminAddress };
        await RunningGateway.ExpectProblemAsync(await anonymous.GetAsync("/v1/budgets"), 401, "unauthenticated");
    }

    [Fact]
    public async Task A_scope_default_applies_to_every_subject_without_its_own_budget()
    {
        await using var gateway = await RunningGateway.StartAsync();

        var set = await PutAsync(gateway, "/v1/budgets/session/*", new { requests_per_window = 5 }, 201);
        Assert.Equal("*", set["id"]!.GetValue<string>());
        Assert.Null(set["usage"]);
        var (_, sessionId) = await gateway.StartSessionAsync();

        var session = await gateway.GetAsync($"/v1/budgets/session/{sessionId}");

        Assert.Equal("*", session["limits"]!["id"]!.GetValue<string>());
        Assert.Equal(5, session["usage"]!["requests_per_window"]!["remaining"]!.GetValue<long>());
        Assert.Equal(5, (await gateway.GetAsync("/v1/budgets/session/%2A"))["limits"]!["requests_per_window"]!.GetValue<long>());
        await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/budgets/session/*"), 204);
        Assert.Null((await gateway.GetAsync($"/v1/budgets/session/{sessionId}"))["limits"]);
    }

    [Fact]
    public async Task Usage_and_spend_show_what_the_ledger_reserved_and_settled_for_every_subject()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/agents", new { id = "bot" });
        await PutAsync(gateway, "/v1/budgets/agent/bot", new { tokens_per_window = 1000, usd_per_day = 1 }, 201);
        var subjects = new[] { BudgetSubject.Agent("bot"), BudgetSubject.User("alice") };
        var done = await gateway.Runtime.Budgets.TryReserveAsync(subjects, new BudgetCharge(1, 400, 300_000));
        await gateway.Runtime.Budgets.SettleAsync(done.Reservation!, new BudgetCharge(1, 250, 125_000));
        await gateway.Runtime.Budgets.TryReserveAsync(subjects, new BudgetCharge(1, 500, 500_000));

        var bot = await gateway.GetAsync("/v1/budgets/agent/bot");
        var alice = await gateway.GetAsync("/v1/budgets/user/alice");

        var tokens = bot["usage"]!["tokens_per_window"]!;
        Assert.Equal((250m, 500m, 250m), (tokens["used"]!.GetValue<decimal>(), tokens["reserved"]!.GetValue<decimal>(), tokens["remaining"]!.GetValue<decimal>()));
        var day = bot["usage"]!["usd_per_day"]!;
        Assert.Equal((1m, 0.125m, 0.5m, 0.375m), (day["limit"]!.GetValue<decimal>(), day["used"]!.GetValue<decimal>(), day["reserved"]!.GetValue<decimal>(), day["remaining"]!.GetValue<decimal>()));
        // A user without limits: no limit, no remaining, but the spend is there.
        Assert.Null(alice["limits"]);
        Assert.Null(alice["usage"]!["usd_per_day"]!["remaining"]);
        Assert.Equal("""{"requests":1,"tokens":250,"usd":0.125}""", alice["spend"]!["month"]!["used"]!.ToJsonString());
        Assert.Equal("""{"requests":1,"tokens":500,"usd":0.5}""", alice["spend"]!["day"]!["reserved"]!.ToJsonString());
    }

    [Fact]
    public async Task Budget_state_survives_a_restart_and_open_reservations_are_charged_their_worst_case()
    {
        var gateway = await RunningGateway.StartAsync();
        try
        {
            await gateway.PostAsync("/v1/agents", new { id = "bot" });
            await PutAsync(gateway, "/v1/budgets/agent/bot", new { tokens_per_window = 1000, window_seconds = 3600 }, 201);
            var bot = new[] { BudgetSubject.Agent("bot") };
            var done = await gateway.Runtime.Budgets.TryReserveAsync(bot, new BudgetCharge(1, 100, 10));
            await gateway.Runtime.Budgets.SettleAsync(done.Reservation!, new BudgetCharge(1, 60, 6));
            var open = await gateway.Runtime.Budgets.TryReserveAsync(bot, new BudgetCharge(1, 700, 70));
            Assert.True(open.IsReserved);

            gateway = await gateway.RestartAsync();

            var after = await gateway.GetAsync("/v1/budgets/agent/bot");
            Assert.Equal(1000, after["limits"]!["tokens_per_window"]!.GetValue<long>());
            var tokens = after["usage"]!["tokens_per_window"]!;
            Assert.Equal((760m, 0m, 240m), (tokens["used"]!.GetValue<decimal>(), tokens["reserved"]!.GetValue<decimal>(), tokens["remaining"]!.GetValue<decimal>()));
            Assert.Equal(0.000076m, after["spend"]!["month"]!["used"]!["usd"]!.GetValue<decimal>());
            var refused = await gateway.Runtime.Budgets.TryReserveAsync(bot, new BudgetCharge(1, 241, 0));
            Assert.Equal(BudgetRefusalReason.Exhausted, refused.Refusal!.Reason);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static async Task<JsonNode> PutAsync(RunningGateway gateway, string path, object body, int status)
    {
        using var response = await gateway.Admin.PutAsJsonAsync(path, body);
        return await RunningGateway.ExpectAsync(response, status);
    }

    private static async Task<HttpResponseMessage> PutRawAsync(RunningGateway gateway, string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await gateway.Admin.PutAsync(path, content);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        return response;
    }
}
