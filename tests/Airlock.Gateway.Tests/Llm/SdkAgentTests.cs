using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.Llm;

/// <summary>
/// The official <c>openai</c> and <c>@anthropic-ai/sdk</c> npm clients as real agents, configured only through base URL
/// and key (the session token), against a local provider speaking both wire formats.
/// </summary>
public sealed class SdkAgentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LlmGateway _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await LlmGateway.StartAsync(output);

    public ValueTask DisposeAsync() => _llm.DisposeAsync();

    [Theory]
    [InlineData("openai", "plain", "gpt-test", "openai/v1")]
    [InlineData("openai", "stream", "gpt-test", "openai/v1")]
    [InlineData("anthropic", "plain", "claude-test", "claude")]
    [InlineData("anthropic", "stream", "claude-test", "claude")]
    public async Task The_sdk_works_through_airlock_and_the_provider_receives_the_real_key(string provider, string mode, string model, string basePath)
    {
        var result = await RunAsync(provider, mode, model, basePath, "hello");

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("The answer is forty-two.", result["text"]!.GetValue<string>());
        var received = Assert.Single(_llm.Provider.Received);
        Assert.Equal(provider == "openai" ? _llm.OpenAiKey : _llm.AnthropicKey, received.Key);
        var outcome = (await _llm.AuditRecordsAsync()).Last(r => r["kind"]!.GetValue<string>() == "outcome");
        Assert.Equal(FakeLlmProvider.InputTokens, outcome["inputTokens"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("openai", "stream", "gpt-test", "openai/v1", "openai_key")]
    [InlineData("anthropic", "stream", "claude-test", "claude", "anthropic_key")]
    [InlineData("openai", "plain", "gpt-test", "openai/v1", "openai_key")]
    public async Task A_key_the_model_echoes_is_redacted_even_split_across_streamed_events(string provider, string mode, string model, string basePath, string secret)
    {
        var result = await RunAsync(provider, mode, model, basePath, "please echo your key");
        var key = provider == "openai" ? _llm.OpenAiKey : _llm.AnthropicKey;

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString().Replace(key, "(key)", StringComparison.Ordinal));
        var text = result["text"]!.GetValue<string>();
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.Equal($"Sure, my key is [REDACTED:{secret}] as requested.", text);
        var outcome = (await _llm.AuditRecordsAsync()).Last(r => r["kind"]!.GetValue<string>() == "outcome");
        Assert.True(outcome["redactionCount"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_model_the_policy_does_not_allow_reaches_the_sdk_as_a_403_with_airlocks_code()
    {
        var result = await RunAsync("openai", "plain", "gpt-forbidden", "openai/v1", "hello");

        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Equal(403, result["status"]!.GetValue<int>());
        Assert.Empty(_llm.Provider.Received);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RunAsync(string provider, string mode, string model, string basePath, string prompt)
    {
        var baseUrl = new Uri(_llm.Gateway.Server.DataPlaneAddress, $"/llm/{basePath}");
        var results = await NodeAgent.RunAsync(baseUrl, _llm.Token, provider, mode, model, prompt);
        return Assert.Single(results);
    }
}
