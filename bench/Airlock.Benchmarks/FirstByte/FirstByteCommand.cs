using System.Diagnostics;
using System.Text;
using Airlock.Core.Audit;

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
        try
        {
            // One gateway per audit durability, so both are measured in the same run as the direct path.
            await using var os = await BenchGateway.StartAsync(Path.Combine(directory, "os"), policies, AuditDurability.OperatingSystem, provider.Address);
            await using var disk = await BenchGateway.StartAsync(Path.Combine(directory, "disk"), policies, AuditDurability.Disk, provider.Address);
            using var direct = new HttpClient { BaseAddress = provider.Address };

            var clients = new[] { direct, os.Client, disk.Client };
            for (var i = 0; i < Math.Min(200, requests); i++)
            {
                foreach (var client in clients)
                {
                    await FirstByteAsync(client);
                }
            }

            var times = clients.Select(_ => new List<double>(requests)).ToArray();
            for (var i = 0; i < requests; i++)
            {
                for (var c = 0; c < clients.Length; c++)
                {
                    times[c].Add(await FirstByteAsync(clients[c]));
                }
            }

            Report(times[0], times[1], times[2]);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
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

    private static void Report(List<double> direct, List<double> os, List<double> disk)
    {
        foreach (var list in new[] { direct, os, disk })
        {
            list.Sort();
        }

        double At(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
        Console.WriteLine($"time to first streamed byte, {direct.Count} requests each, interleaved (µs); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("          direct  airlock(os)  added  airlock(disk)  added");
        foreach (var (name, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99) })
        {
            Console.WriteLine($"{name,-6} {At(direct, q),9:F0} {At(os, q),12:F0} {At(os, q) - At(direct, q),6:F0} {At(disk, q),14:F0} {At(disk, q) - At(direct, q),6:F0}");
        }

        var added = At(os, 0.5) - At(direct, 0.5);
        Console.WriteLine($"target: at most 1000 µs added at p50 (default durability os) — {(added <= 1000 ? "met" : "NOT met")} ({added:F0} µs)");
    }
}
