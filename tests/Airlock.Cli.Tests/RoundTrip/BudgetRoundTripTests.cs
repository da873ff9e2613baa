using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;
using Airlock.Core.Budgets;
using Airlock.Storage.Sqlite;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class BudgetRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Set_show_list_and_remove_an_agents_budget()
    {
        Assert.Equal(0, (await gateway.RunAsync("agent", "add", "bg-bot")).ExitCode);

        var set = await gateway.RunAsync("budget", "set", "--agent", "bg-bot", "--requests", "100", "--window", "30s", "--usd-per-day", "2.5", "-o", "json");

        Assert.True(set.ExitCode == 0, set.ToString());
        var budget = JsonNode.Parse(set.Stdout)!;
        Assert.Equal(["scope", "id", "limits", "usage", "spend"], budget.AsObject().Select(p => p.Key));
        Assert.Equal(100, (long)budget["limits"]!["requests_per_window"]!);
        Assert.Equal(30, (long)budget["limits"]!["window_seconds"]!);
        Assert.Equal(2.5m, (decimal)budget["limits"]!["usd_per_day"]!);
        Assert.Null(budget["limits"]!["usd_per_month"]);

        var show = await gateway.RunAsync("budget", "show", "--agent", "bg-bot");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Matches("(?m)^subject +agent bg-bot$", show.Stdout);
        Assert.Matches("(?m)^limits +its own$", show.Stdout);
        Assert.Matches("(?m)^window +30s$", show.Stdout);
        Assert.Matches("(?m)^spent today +0 requests, 0 tokens, 0 USD$", show.Stdout);
        Assert.Matches(@"requests/window  100  0     0         100        \d{4}-", show.Stdout);
        Assert.Matches(@"usd/day          2.5  0     0         2.5        \d{4}-", show.Stdout);

        var list = await gateway.RunAsync("budget", "list");
        Assert.Matches(@"agent +bg-bot +100 +- +30s +2.5 +- +\d{4}-", list.Stdout);

        var replace = await gateway.RunAsync("budget", "set", "--agent", "bg-bot", "--tokens", "5000", "-o", "json");
        Assert.True(replace.ExitCode == 0, replace.ToString());
        Assert.Null(JsonNode.Parse(replace.Stdout)!["limits"]!["requests_per_window"]);

        var remove = await gateway.RunAsync("budget", "remove", "--agent", "bg-bot");
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Equal("removed the budget of agent `bg-bot`\n", remove.Stdout);
        var again = await gateway.RunAsync("budget", "remove", "--agent", "bg-bot");
        Assert.True(again.ExitCode == 5, again.ToString());
        Assert.Contains("airlock budget list", again.Stderr);
        Assert.Matches("(?m)^limits +none$", (await gateway.RunAsync("budget", "show", "--agent", "bg-bot")).Stdout);
    }

    [Fact]
    public async Task A_budget_for_an_unregistered_agent_is_rejected_as_invalid()
    {
        var result = await gateway.RunAsync("budget", "set", "--agent", "bg-ghost", "--requests", "1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: id: agent 'bg-ghost' is not registered; add it with `airlock agent add bg-ghost`", result.Stderr);
    }

    [Fact]
    public async Task A_default_for_every_session_is_shown_for_each_session()
    {
        var set = await gateway.RunAsync("budget", "set", "--session", "*", "--usd-per-month", "10", "--tokens", "8000");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Matches(@"(?m)^subject +every session \(default\)$", set.Stdout);
        Assert.Matches("(?m)^usd/month +10 +- +- +- +-$", set.Stdout);
        Assert.Matches("(?m)^tokens/window +8000 +- +- +- +-$", set.Stdout);

        var session = await gateway.RunAsync("budget", "show", "--session", "ses_bgAnySessionId", "-o", "json");
        var remove = await gateway.RunAsync("budget", "remove", "--session", "*");

        Assert.True(session.ExitCode == 0, session.ToString());
        Assert.Equal("*", (string?)JsonNode.Parse(session.Stdout)!["limits"]!["id"]);
        Assert.Equal("removed the default budget of every session\n", remove.Stdout);
    }

    [Fact]
    public async Task Spend_is_shown_for_a_user_without_a_budget()
    {
        // The ledger as the data plane uses it, on the running gateway's own database.
        await using (var store = SqliteAirlockStore.Open(Path.Combine(gateway.Directory.Path, "data")))
        {
            var ledger = new BudgetLedger(store, TimeProvider.System);
            var reserved = await ledger.TryReserveAsync([BudgetSubject.User("bg-alice")], new BudgetCharge(1, 900, 500_000), TestContext.Current.CancellationToken);
            await ledger.SettleAsync(reserved.Reservation!, new BudgetCharge(1, 250, 125_000), TestContext.Current.CancellationToken);
        }

        var show = await gateway.RunAsync("budget", "show", "--user", "bg-alice");

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Matches("(?m)^limits +none$", show.Stdout);
        Assert.Matches("(?m)^spent today +1 requests, 250 tokens, 0.125 USD$", show.Stdout);
        Assert.Matches("(?m)^usd/month +- +0.125 +0 +- ", show.Stdout);
    }
}
