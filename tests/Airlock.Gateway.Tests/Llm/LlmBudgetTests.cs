using System.Net.Http.Headers;
using System.Text;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.Llm;

/// <summary>
/// Budgets on LLM calls through the real listener: reserve the worst case before forwarding, settle the usage after;
/// exceeded is 429 with Retry-After and audited; concurrent agents cannot overspend; the state survives a restart.
/// </summary>
public sealed class LlmBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LlmGateway _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await LlmGateway.StartAsync(output);

    public ValueTask DisposeAsync() => _llm.DisposeAsync();

    [Fact]
    public async Task An_exhausted_request_budget_is_a_429_with_retry_after_and_is_audited_and_not_forwarded()
    {
        await _llm.Gateway.Admin.PutAsJsonAsync("/v1/budgets/agent/bot", new { requests_per_window = 1, window_seconds = 3600 });

        using var first = await ChatAsync(maxTokens: 10);
        using var second = await ChatAsync(maxTokens: 10);

        Assert.Equal(200, (int)first.StatusCode);
        var problem = await RunningGateway.ExpectProblemAsync(second, 429, "budget_exceeded");
        Assert.Contains("agent 'bot'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = second.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Single(_llm.Provider.Received);
        var denial = (await _llm.AuditRecordsAsync()).Last(r => r["kind"]!.GetValue<string>() == "decision");
        Assert.Equal("deny", denial["decision"]!.GetValue<string>());
        Assert.StartsWith("budget_exceeded: agent bot", denial["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_whose_worst_case_alone_exceeds_the_budget_is_refused_without_retry_after()
    {
        await _llm.Gateway.Admin.PutAsJsonAsync("/v1/budgets/agent/bot", new { usd_per_day = 0.5 });

        using var response = await ChatAsync(maxTokens: 1000);

        await RunningGateway.ExpectProblemAsync(response, 429, "budget_exceeded");
        Assert.Null(response.Headers.RetryAfter);
        Assert.Empty(_llm.Provider.Received);
    }

    [Fact]
    public async Task Fifty_concurrent_sdk_calls_over_the_budget_together_are_charged_at_most_the_budget_plus_one_reservation()
    {
        const long Budget = 270_000;
        await _llm.Gateway.Admin.PutAsJsonAsync("/v1/budgets/agent/bot", new { usd_per_day = Budget / 1e6 });
        var baseUrl = new Uri(_llm.Gateway.Server.DataPlaneAddress, "/llm/openai/v1");

        var results = await NodeAgent.RunAsync(baseUrl, _llm.Token, "openai", "plain", "gpt-test", "hello", concurrency: 50, maxTokens: 5);

        var succeeded = results.Count(r => r["ok"]!.GetValue<bool>());
        var refused = results.Count(r => !r["ok"]!.GetValue<bool>() && r["status"]?.GetValue<int>() == 429);
        Assert.Equal(50, succeeded + refused);
        Assert.InRange(succeeded, 1, 49);
        var records = await _llm.AuditRecordsAsync();
        var largestReservation = records.Where(r => r["kind"]!.GetValue<string>() == "decision" && r["decision"]!.GetValue<string>() == "permit").Max(r => r["costMicros"]!.GetValue<long>());
        var charged = records.Where(r => r["kind"]!.GetValue<string>() == "outcome").Sum(r => r["costMicros"]!.GetValue<long>());
        output.WriteLine($"{succeeded} calls went through, {refused} were refused; charged {charged} µUSD of a {Budget} µUSD budget; largest reservation {largestReservation} µUSD");
        Assert.True(charged <= Budget + largestReservation, $"charged {charged} µUSD, over the budget {Budget} plus one reservation {largestReservation}");
        Assert.Equal(succeeded, _llm.Provider.Received.Count);

        var spend = await _llm.Gateway.GetAsync("/v1/budgets/agent/bot");
        var usd = spend["usage"]!["usd_per_day"]!;
        Assert.Equal(charged / 1e6, usd["used"]!.GetValue<double>(), 6);
        Assert.Equal(0, usd["reserved"]!.GetValue<double>());
    }

    [Fact]
    public async Task Spend_and_limits_survive_a_restart()
    {
        await _llm.Gateway.Admin.PutAsJsonAsync("/v1/budgets/session/*", new { requests_per_window = 2, window_seconds = 3600 });
        using (var first = await ChatAsync(maxTokens: 10))
        using (var second = await ChatAsync(maxTokens: 10))
        {
            Assert.Equal((200, 200), ((int)first.StatusCode, (int)second.StatusCode));
        }

        await _llm.RestartAsync();

        using var third = await ChatAsync(maxTokens: 10);
        await RunningGateway.ExpectProblemAsync(third, 429, "budget_exceeded");
    }

    private async Task<HttpResponseMessage> ChatAsync(int maxTokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/llm/openai/v1/chat/completions")
        {
            Content = new StringContent($$"""{"model":"gpt-test","max_tokens":{{maxTokens}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _llm.Token);
        return await _llm.Gateway.Data.SendAsync(request);
    }
}
