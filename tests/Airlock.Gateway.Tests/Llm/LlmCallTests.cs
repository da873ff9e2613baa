using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.Llm;

/// <summary>
/// LLM calls under /llm/{service}/ through the real listeners against a local provider speaking both wire formats:
/// the session token stands in for the provider key, the real key is injected, the body gets an output cap, usage is
/// metered into the audit outcome, and policy decides per model.
/// </summary>
public sealed class LlmCallTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Policies = """

        @id("small-calls-only")
        @reason("one call may cost at most 5 dollars")
        forbid (principal, action, resource) when { context has llm && context.llm.estimated_cost_micros > 5000000 };
        """;

    private LlmGateway _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await LlmGateway.StartAsync(output, LlmGateway.DefaultPolicies + Policies);

    public ValueTask DisposeAsync() => _llm.DisposeAsync();

    [Fact]
    public async Task A_chat_completion_reaches_the_provider_with_the_real_key_and_a_cap_and_is_charged_its_usage()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("The answer is forty-two.", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        var received = Assert.Single(_llm.Provider.Received);
        Assert.Equal(_llm.OpenAiKey, received.Key);
        Assert.Equal(1000, JsonNode.Parse(received.Body!)!["max_completion_tokens"]!.GetValue<long>());

        var outcome = await OutcomeAsync();
        Assert.Equal("openai/gpt-test", outcome["model"]!.GetValue<string>());
        Assert.Equal((17L, 5L), (outcome["inputTokens"]!.GetValue<long>(), outcome["outputTokens"]!.GetValue<long>()));
        Assert.Equal((17 * 1000) + (5 * 2000), outcome["costMicros"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_streamed_chat_arrives_event_by_event_and_is_charged_the_usage_airlock_asked_for()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("data: [DONE]\n\n", text, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(_llm.Provider.Received[0].Body!)!["stream_options"]!["include_usage"]!.GetValue<bool>());
        var outcome = await OutcomeAsync();
        Assert.Equal(5, outcome["outputTokens"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/llm/openai/v1/chat/completions", """{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""", 1000, 2000)]
    [InlineData("/llm/claude/v1/messages", """{"model":"claude-test","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", 3000, 9000)]
    public async Task A_provider_that_disconnects_mid_stream_is_charged_for_what_was_streamed(string target, string json, long inputPrice, long outputPrice)
    {
        _llm.Provider.DisconnectAfter = 2;

        try
        {
            using var response = await PostAsync(target, json);
            await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            // The agent sees the stream break off: Airlock aborts its connection too.
        }

        var outcome = await EventuallyOutcomeAsync();
        output.WriteLine(outcome.ToJsonString());
        var sentBody = _llm.Provider.Received.Single().Body!;
        // Two deltas of "The answer is forty-two." in five pieces: 10 bytes of text, 3 tokens by the quarter rule.
        var input = target.Contains("claude", StringComparison.Ordinal) ? FakeLlmProvider.InputTokens : (System.Text.Encoding.UTF8.GetByteCount(sentBody) + 3) / 4;
        Assert.Equal((input, 3L), (outcome["inputTokens"]!.GetValue<long>(), outcome["outputTokens"]!.GetValue<long>()));
        Assert.Equal((input * inputPrice) + (3 * outputPrice), outcome["costMicros"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_anthropic_sdk_sends_the_session_token_as_x_api_key_and_the_provider_gets_the_real_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/llm/claude/v1/messages")
        {
            Content = new StringContent("""{"model":"claude-test","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", _llm.Token);
        request.Headers.Add("anthropic-version", "2023-06-01");

        using var response = await _llm.Gateway.Data.SendAsync(request);
        await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var received = Assert.Single(_llm.Provider.Received);
        Assert.Equal(_llm.AnthropicKey, received.Key);
        Assert.Equal("2023-06-01", received.Headers["anthropic-version"]);
        var outcome = await OutcomeAsync();
        Assert.Equal((17L, 5L), (outcome["inputTokens"]!.GetValue<long>(), outcome["outputTokens"]!.GetValue<long>()));
        Assert.Equal((17 * 3000) + (5 * 9000), outcome["costMicros"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_model_the_policy_does_not_allow_is_refused_with_its_reason_and_never_sent()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-forbidden","messages":[]}""");

        var problem = await RunningGateway.ExpectProblemAsync(response, 403, "denied");
        Assert.Equal("gpt-forbidden is not approved for agents", problem["detail"]!.GetValue<string>());
        Assert.Empty(_llm.Provider.Received);
    }

    [Fact]
    public async Task A_call_whose_worst_case_costs_too_much_is_refused_by_policy_before_it_is_sent()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-test","max_tokens":10000,"messages":[]}""");

        var problem = await RunningGateway.ExpectProblemAsync(response, 403, "denied");
        Assert.Equal("one call may cost at most 5 dollars", problem["detail"]!.GetValue<string>());
        Assert.Empty(_llm.Provider.Received);
    }

    [Theory]
    [InlineData("/llm/openai/v1/chat/completions", """{"model":"gpt-unknown","messages":[]}""", 403, "unpriced_model")]
    [InlineData("/llm/openai/v1/chat/completions", """{"messages":[]}""", 400, "bad_llm_request")]
    [InlineData("/llm/openai/v1/files", """{}""", 404, "unsupported_endpoint")]
    [InlineData("/llm/claude/v1/chat/completions", """{"model":"claude-test"}""", 404, "unsupported_endpoint")]
    [InlineData("/openai/v1/chat/completions", """{"model":"gpt-test"}""", 403, "llm_route_required")]
    public async Task Calls_that_cannot_be_metered_are_refused_before_they_are_sent(string target, string json, int status, string code)
    {
        using var response = await PostAsync(target, json);

        await RunningGateway.ExpectProblemAsync(response, status, code);
        Assert.Empty(_llm.Provider.Received);
    }

    [Fact]
    public async Task Listing_models_and_embeddings_are_mediated_too()
    {
        using var models = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/llm/openai/v1/models"));
        using var embeddings = await PostAsync("/llm/openai/v1/embeddings", """{"model":"gpt-test","input":"hello"}""");

        Assert.Equal(200, (int)models.StatusCode);
        Assert.Equal(200, (int)embeddings.StatusCode);
        var outcome = await OutcomeAsync();
        Assert.Equal((17L, 0L), (outcome["inputTokens"]!.GetValue<long>(), outcome["outputTokens"]!.GetValue<long>()));
    }

    private async Task<HttpResponseMessage> PostAsync(string target, string json) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _llm.Token);
            return await _llm.Gateway.Data.SendAsync(request);
        }
    }

    // The outcome is sealed once the forwarder has given up on the stream, which may be just after the agent noticed.
    private async Task<JsonNode> EventuallyOutcomeAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var records = await _llm.AuditRecordsAsync();
            if (records.LastOrDefault(r => r["kind"]!.GetValue<string>() == "outcome") is { } outcome)
            {
                return outcome;
            }

            Assert.True(DateTime.UtcNow < deadline, "no outcome record was sealed");
            await Task.Delay(20);
        }
    }

    private async Task<JsonNode> OutcomeAsync()
    {
        return (await _llm.AuditRecordsAsync()).Last(r => r["kind"]!.GetValue<string>() == "outcome");
    }
}
