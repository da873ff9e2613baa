using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airlock.Core.Audit;
using Airlock.Gateway.Hosting;

namespace Airlock.Benchmarks.FirstByte;

/// <summary>
/// A gateway in a fresh data directory with one LLM service in front of the benchmark's provider, a permit-all LLM
/// policy and a session; <see cref="Client"/> calls the service's /llm/ route with the session token.
/// </summary>
internal sealed class BenchGateway : IAsyncDisposable
{
    private readonly GatewayRuntime _runtime;
    private readonly GatewayServer _server;

    private BenchGateway(GatewayRuntime runtime, GatewayServer server, HttpClient client)
    {
        _runtime = runtime;
        _server = server;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<BenchGateway> StartAsync(string data, string policies, AuditDurability durability, Uri upstream)
    {
        var root = await DataDirectoryInitializer.InitializeAsync(data, TimeProvider.System);
        var options = new GatewayOptions
        {
            DataDirectory = data, Listen = "127.0.0.1:0", AdminListen = "127.0.0.1:0", PoliciesDirectory = policies,
            Audit = new AuditOptions { Durability = durability },
        };
        var runtime = await GatewayRuntime.OpenAsync(options, TimeProvider.System);
        var server = await GatewayServer.StartAsync(runtime);
        var token = await SetUpAsync(server.AdminAddress, root, upstream);
        var client = new HttpClient { BaseAddress = new Uri(server.DataPlaneAddress, "/llm/bench/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BenchGateway(runtime, server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _runtime.DisposeAsync();
    }

    private static async Task<string> SetUpAsync(Uri admin, string rootToken, Uri upstream)
    {
        using var client = new HttpClient { BaseAddress = admin };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rootToken);
        async Task<JsonNode> PostAsync(string path, object body)
        {
            using var response = await client.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        }

        // A random value: the benchmark's key is never printed or kept.
        await PostAsync("/v1/secrets", new { name = "bench_key", value = "sk-bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) });
        await PostAsync("/v1/services", new
        {
            name = "bench",
            url = upstream.ToString(),
            credential = new { kind = "header", header = "Authorization", template = "Bearer {{secret:bench_key}}" },
            llm = new { provider = "openai", prices = new Dictionary<string, object> { ["*"] = new { input_per_million = 1, output_per_million = 2 } } },
        });
        await PostAsync("/v1/agents", new { id = "bench-agent" });
        var session = await PostAsync("/v1/sessions", new { agent = "bench-agent", intent = "benchmark", ttl_seconds = 3600 });
        return session["token"]!.GetValue<string>();
    }
}
