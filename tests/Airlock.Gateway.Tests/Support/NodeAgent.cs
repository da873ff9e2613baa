using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// Runs <c>llm-clients/agent.mjs</c>: the official OpenAI or Anthropic SDK as a real agent process, configured only
/// through its base URL and API key. Each call's result is one JSON line.
/// </summary>
internal static class NodeAgent
{
    public static async Task<IReadOnlyList<JsonNode>> RunAsync(Uri baseUrl, string token, string provider, string mode, string model, string prompt, int concurrency = 1, int? maxTokens = null)
    {
        var directory = ClientsDirectory();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "agent.mjs", provider, mode, model, prompt, concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (maxTokens is { } cap)
        {
            start.ArgumentList.Add(cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        start.Environment["AIRLOCK_LLM_BASE_URL"] = baseUrl.ToString();
        start.Environment["AIRLOCK_TOKEN"] = token;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the node agent did not finish within 90 s");
        }

        var error = await stderr;
        Assert.True(process.ExitCode == 0, $"node agent exited {process.ExitCode}: {error}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    private static string ClientsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Airlock.Gateway.Tests", "llm-clients");
            if (File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
            {
                Assert.True(
                    Directory.Exists(Path.Combine(candidate, "node_modules")),
                    $"the SDK peers are not installed: run `npm ci` in {candidate} (bash .ci/test.sh does)");
                return candidate;
            }
        }

        throw new InvalidOperationException("the repository root (with Airlock.slnx) was not found above the test assembly");
    }
}
