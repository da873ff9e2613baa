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
        @id("agents-use-llms")
        permit (principal, action in Airlock::Action::"llm", resource);

        @id("no-forbidden-model")
        @reason("gpt-forbidden is not approved for agents")
        forbid (principal, action, resource == Airlock::Model::"openai/gpt-forbidden");

        @id("small-calls-only")
        @reason("one call may cost at most 5 dollars")
        forbid (principal, action, resource) when { context has llm && context.llm.estimated_cost_micros > 5000000 };
        """;

    private string _openAiKey = null!;
    private string _anthropicKey = null!;
    private string _policyDirectory = null!;
    private FakeLlmProvider _provider = null!;
    private RunningGateway _gateway = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _openAiKey = Canary.New("openai_key", output);
        _anthropicKey = Canary.New("anthropic_key", output);
        _provider = await FakeLlmProvider.StartAsync();
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-llm-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "llm.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/secrets", new { name = "openai_key", value = _openAiKey });
        await _gateway.PostAsync("/v1/secrets", new { name = "anthropic_key", value = _anthropicKey });
        var prices = new Dictionary<string, object>
        {
            ["gpt-test"] = new { input_per_million = 1000, output_per_million = 2000 },
            ["gpt-forbidden"] = new { input_per_million = 1, output_per_million = 1 },
            ["claude-test"] = new { input_per_million = 3000, output_per_million = 9000 },
        };
        await _gateway.PostAsync("/v1/services", new
        {
            name = "openai", url = _provider.Address.ToString(),
            credential = new { kind = "header", header = "Authorization", template = "Bearer {{secret:openai_key}}" },
            llm = new { provider = "openai", prices, default_max_tokens = 1000 },
        });
        await _gateway.PostAsync("/v1/services", new
        {
            name = "claude", url = _provider.Address.ToString(),
            credential = new { kind = "header", header = "x-api-key", template = "{{secret:anthropic_key}}" },
            llm = new { provider = "anthropic", prices },
        });
        (_token, _) = await _gateway.StartSessionAsync(user: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Fact]
    public async Task A_chat_completion_reaches_the_provider_with_the_real_key_and_a_cap_and_is_charged_its_usage()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("The answer is forty-two.", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        var received = Assert.Single(_provider.Received);
        Assert.Equal(_openAiKey, received.Key);
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
        Assert.True(JsonNode.Parse(_provider.Received[0].Body!)!["stream_options"]!["include_usage"]!.GetValue<bool>());
        var outcome = await OutcomeAsync();
        Assert.Equal(5, outcome["outputTokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_anthropic_sdk_sends_the_session_token_as_x_api_key_and_the_provider_gets_the_real_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/llm/claude/v1/messages")
        {
            Content = new StringContent("""{"model":"claude-test","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", _token);
        request.Headers.Add("anthropic-version", "2023-06-01");

        using var response = await _gateway.Data.SendAsync(request);
        await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var received = Assert.Single(_provider.Received);
        Assert.Equal(_anthropicKey, received.Key);
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
        Assert.Empty(_provider.Received);
    }

    [Fact]
    public async Task A_call_whose_worst_case_costs_too_much_is_refused_by_policy_before_it_is_sent()
    {
        using var response = await PostAsync("/llm/openai/v1/chat/completions", """{"model":"gpt-test","max_tokens":10000,"messages":[]}""");

        var problem = await RunningGateway.ExpectProblemAsync(response, 403, "denied");
        Assert.Equal("one call may cost at most 5 dollars", problem["detail"]!.GetValue<string>());
        Assert.Empty(_provider.Received);
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
        Assert.Empty(_provider.Received);
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
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return await _gateway.Data.SendAsync(request);
        }
    }

    private async Task<JsonNode> OutcomeAsync()
    {
        var text = await _gateway.Admin.GetStringAsync("/v1/audit/records?from=0&limit=100");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Last(r => r["kind"]!.GetValue<string>() == "outcome");
    }
}
