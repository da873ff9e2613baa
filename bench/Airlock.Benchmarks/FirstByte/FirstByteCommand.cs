using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Gateway.Hosting;

namespace Airlock.Benchmarks.FirstByte;

/// <summary>
/// Time to the first byte of a streamed chat completion, direct to a local provider and through Airlock (session
/// token check, body preparation, Cedar, a sealed audit record on the embedded SQLite store, key injection, metering
/// and redaction), alternating request by request in one run so both see the same machine. Target (issue 5): at most
/// 1 ms added at the median.
/// </summary>
internal static class FirstByteCommand
{
    private const string Body = """{"model":"gpt-bench","stream":true,"messages":[{"role":"user","content":"Say something."}]}""";

    public static int Run(string[] args)
    {
        var requests = args.Length >= 2 && args[0] == "--requests" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        return RunAsync(requests).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int requests)
    {
        await using var provider = await StreamingProvider.StartAsync();
        var directory = Directory.CreateTempSubdirectory("airlock-first-byte-").FullName;
        var policies = Directory.CreateDirectory(Path.Combine(directory, "policies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(policies, "bench.cedar"), "permit (principal, action in Airlock::Action::\"llm\", resource);");
        var data = Path.Combine(directory, "data");
        try
        {
            var root = await DataDirectoryInitializer.InitializeAsync(data, TimeProvider.System);
            var options = new GatewayOptions { DataDirectory = data, Listen = "127.0.0.1:0", AdminListen = "127.0.0.1:0", PoliciesDirectory = policies };
            await using var runtime = await GatewayRuntime.OpenAsync(options, TimeProvider.System);
            await using var server = await GatewayServer.StartAsync(runtime);
            var token = await SetUpAsync(server.AdminAddress, root, provider.Address);

            using var direct = new HttpClient { BaseAddress = provider.Address };
            using var airlock = new HttpClient { BaseAddress = new Uri(server.DataPlaneAddress, "/llm/bench/") };
            airlock.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            for (var i = 0; i < Math.Min(200, requests); i++)
            {
                await FirstByteAsync(direct);
                await FirstByteAsync(airlock);
            }

            var directTimes = new List<double>(requests);
            var airlockTimes = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                directTimes.Add(await FirstByteAsync(direct));
                airlockTimes.Add(await FirstByteAsync(airlock));
            }

            Report(directTimes, airlockTimes);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> SetUpAsync(Uri admin, string rootToken, Uri upstream)
    {
        using var client = new HttpClient { BaseAddress = admin };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rootToken);
        async Task<JsonNode> PostAsync(string path, object body)
        {
            using var response = await client.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
            }

            return JsonNode.Parse(text)!;
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

    private static async Task<double> FirstByteAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[1];
        if (await body.ReadAsync(first) != 1 || !response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"no streamed answer: HTTP {(int)response.StatusCode}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        await body.CopyToAsync(Stream.Null);
        return elapsed;
    }

    private static void Report(List<double> direct, List<double> airlock)
    {
        direct.Sort();
        airlock.Sort();
        double At(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
        Console.WriteLine($"time to first streamed byte, {direct.Count} requests each, alternating (µs)");
        Console.WriteLine("          direct   airlock     added");
        foreach (var (name, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99) })
        {
            Console.WriteLine($"{name,-6} {At(direct, q),9:F0} {At(airlock, q),9:F0} {At(airlock, q) - At(direct, q),9:F0}");
        }

        var added = At(airlock, 0.5) - At(direct, 0.5);
        Console.WriteLine($"target: at most 1000 µs added at p50 — {(added <= 1000 ? "met" : "NOT met")} ({added:F0} µs)");
    }
}
