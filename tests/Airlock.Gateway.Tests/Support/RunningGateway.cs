using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Core.Tests.Support;
using Airlock.Gateway.Hosting;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// A gateway initialized in a fresh temp directory and listening on free loopback ports, driven over real
/// HTTP. Time is a <see cref="ManualTimeProvider"/> so expiry can be tested without waiting.
/// </summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private RunningGateway(GatewayOptions options, string rootToken, ManualTimeProvider time, GatewayRuntime runtime, GatewayServer server)
    {
        _options = options;
        DataDirectory = options.DataDirectory;
        RootToken = rootToken;
        Time = time;
        Runtime = runtime;
        Server = server;
        Admin = new HttpClient { BaseAddress = server.AdminAddress };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rootToken);
        Data = new HttpClient { BaseAddress = server.DataPlaneAddress };
    }

    private readonly GatewayOptions _options;

    public string DataDirectory { get; }

    public string RootToken { get; }

    public ManualTimeProvider Time { get; }

    public GatewayRuntime Runtime { get; }

    public GatewayServer Server { get; }

    /// <summary>Authenticated with the root admin token.</summary>
    public HttpClient Admin { get; }

    /// <summary>Unauthenticated; tests set the session token per request.</summary>
    public HttpClient Data { get; }

    public static async Task<RunningGateway> StartAsync(string? configFile = null, string? directory = null, string? policies = null)
    {
        directory ??= TempDirectory.Create();
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var rootToken = await DataDirectoryInitializer.InitializeAsync(directory, time);
        var options = new GatewayOptions { DataDirectory = directory, Listen = "127.0.0.1:0", AdminListen = "127.0.0.1:0", ConfigFile = configFile, PoliciesDirectory = policies };
        var runtime = await GatewayRuntime.OpenAsync(options, time);
        var server = await GatewayServer.StartAsync(runtime);
        return new RunningGateway(options, rootToken, time, runtime, server);
    }

    /// <summary>
    /// Stops this gateway, keeping its data directory, and starts a new one on it (new ports, same clock): what an
    /// operator's restart does. Dispose the returned gateway instead of this one.
    /// </summary>
    public async Task<RunningGateway> RestartAsync()
    {
        await StopAsync();
        var runtime = await GatewayRuntime.OpenAsync(_options, Time);
        var server = await GatewayServer.StartAsync(runtime);
        return new RunningGateway(_options, RootToken, Time, runtime, server);
    }

    /// <summary>
    /// The audit log's records, once every permitted call has its outcome: a plain call's outcome is sealed just after
    /// the agent has its answer, so a test that reads the log at once may be a moment early.
    /// </summary>
    public async Task<List<JsonNode>> AuditRecordsAsync(int limit = 1000)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = await Admin.GetStringAsync($"/v1/audit/records?from=0&limit={limit}");
            List<JsonNode> records = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
            var permits = records.Where(r => r["kind"]!.GetValue<string>() == "decision" && r["decision"]?.GetValue<string>() == "permit").Select(r => r["seq"]!.GetValue<long>());
            var ended = records.Where(r => r["kind"]!.GetValue<string>() == "outcome").Select(r => r["decisionSeq"]!.GetValue<long>()).ToHashSet();
            if (permits.All(ended.Contains) || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(20);
        }
    }

    public async Task<JsonNode> PostAsync(string path, object body, int expectedStatus = 201)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        return await ExpectAsync(response, expectedStatus);
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Admin.GetAsync(path);
        return await ExpectAsync(response, 200);
    }

    /// <summary>Registers an agent and starts a session for it; returns the token and the session id.</summary>
    public async Task<(string Token, string SessionId)> StartSessionAsync(string agent = "bot", string? user = "alice", int ttlSeconds = 900)
    {
        using (var existing = await Admin.GetAsync($"/v1/agents/{agent}"))
        {
            if (existing.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                await PostAsync("/v1/agents", new { id = agent });
            }
        }

        var started = await PostAsync("/v1/sessions", new { agent, user, intent = "triage the open issues", ttl_seconds = ttlSeconds });
        return (started["token"]!.GetValue<string>(), started["session"]!["id"]!.GetValue<string>());
    }

    /// <summary>Calls the data plane's own-session route with <paramref name="token"/>.</summary>
    public async Task<HttpResponseMessage> WhoAmIAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_airlock/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Data.SendAsync(request);
    }

    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a problem+json answer and returns it.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ExpectAsync(response, status);
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal($"urn:airlock:problem:{code}", problem["type"]!.GetValue<string>());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TempDirectory.Delete(DataDirectory);
    }

    private async Task StopAsync()
    {
        Admin.Dispose();
        Data.Dispose();
        await Server.DisposeAsync();
        await Runtime.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
