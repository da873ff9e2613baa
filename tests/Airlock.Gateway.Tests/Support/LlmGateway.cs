namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// A gateway with two LLM services in front of one <see cref="FakeLlmProvider"/>: <c>openai</c> (OpenAI wire format,
/// key as a bearer token) and <c>claude</c> (Anthropic, key as <c>x-api-key</c>), priced, with the given policies and
/// a session for an agent. The keys are canaries generated at test time.
/// </summary>
internal sealed class LlmGateway : IAsyncDisposable
{
    public const string DefaultPolicies = """
        @id("agents-use-llms")
        permit (principal, action in Airlock::Action::"llm", resource);

        @id("no-forbidden-model")
        @reason("gpt-forbidden is not approved for agents")
        forbid (principal, action, resource == Airlock::Model::"openai/gpt-forbidden");
        """;

    private readonly string _policyDirectory;

    private LlmGateway(string policyDirectory, FakeLlmProvider provider, RunningGateway gateway, string openAiKey, string anthropicKey, string token)
    {
        _policyDirectory = policyDirectory;
        Provider = provider;
        Gateway = gateway;
        OpenAiKey = openAiKey;
        AnthropicKey = anthropicKey;
        Token = token;
    }

    public FakeLlmProvider Provider { get; }

    public RunningGateway Gateway { get; private set; }

    public string OpenAiKey { get; }

    public string AnthropicKey { get; }

    /// <summary>The agent's session token: all it holds.</summary>
    public string Token { get; }

    public static async Task<LlmGateway> StartAsync(ITestOutputHelper output, string policies = DefaultPolicies)
    {
        var openAiKey = Canary.New("openai_key", output);
        var anthropicKey = Canary.New("anthropic_key", output);
        var provider = await FakeLlmProvider.StartAsync();
        var policyDirectory = Directory.CreateTempSubdirectory("airlock-llm-").FullName;
        await File.WriteAllTextAsync(Path.Combine(policyDirectory, "llm.cedar"), policies);
        var gateway = await RunningGateway.StartAsync(policies: policyDirectory);
        await gateway.PostAsync("/v1/secrets", new { name = "openai_key", value = openAiKey });
        await gateway.PostAsync("/v1/secrets", new { name = "anthropic_key", value = anthropicKey });
        var prices = new Dictionary<string, object>
        {
            ["gpt-test"] = new { input_per_million = 1000, output_per_million = 2000 },
            ["gpt-forbidden"] = new { input_per_million = 1, output_per_million = 1 },
            ["claude-test"] = new { input_per_million = 3000, output_per_million = 9000 },
        };
        await gateway.PostAsync("/v1/services", new
        {
            name = "openai", url = provider.Address.ToString(),
            credential = new { kind = "header", header = "Authorization", template = "Bearer {{secret:openai_key}}" },
            llm = new { provider = "openai", prices, default_max_tokens = 1000 },
        });
        await gateway.PostAsync("/v1/services", new
        {
            name = "claude", url = provider.Address.ToString(),
            credential = new { kind = "header", header = "x-api-key", template = "{{secret:anthropic_key}}" },
            llm = new { provider = "anthropic", prices },
        });
        var (token, _) = await gateway.StartSessionAsync(user: null);
        return new LlmGateway(policyDirectory, provider, gateway, openAiKey, anthropicKey, token);
    }

    /// <summary>Restarts the gateway on its data directory; the provider, the keys and the session token stay valid.</summary>
    public async Task RestartAsync() => Gateway = await Gateway.RestartAsync();

    /// <summary>Every audit record so far, oldest first.</summary>
    public Task<List<System.Text.Json.Nodes.JsonNode>> AuditRecordsAsync() => Gateway.AuditRecordsAsync();

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Provider.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }
}
