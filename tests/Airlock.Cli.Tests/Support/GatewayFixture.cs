using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Airlock.Cli.Tests.Support;

/// <summary>
/// A real gateway for the round-trip tests: <c>airlock init</c> and <c>airlock serve</c> run as processes in a temp
/// directory on free loopback ports. Every command run through <c>RunAsync</c>/<c>RunWithAsync</c> is checked for leaks: neither
/// the admin token nor any canary secret value may appear in its stdout or stderr.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly List<string> canaries = [];
    private readonly List<string> leakChecked = [];
    private readonly StringBuilder serverOutput = new();
    private Process? server;
    private Task<string>? serverStdout;

    /// <summary>The seed the canary values derive from; printed so a failure can be reproduced.</summary>
    public int Seed { get; } = RandomNumberGenerator.GetInt32(int.MaxValue);

    public TempDirectory Directory { get; } = new();

    /// <summary>The admin API address <c>airlock serve</c> printed.</summary>
    public string AdminAddress { get; private set; } = "";

    /// <summary>The root admin token <c>airlock init</c> printed.</summary>
    public string RootToken { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        TestContext.Current.SendDiagnosticMessage($"GatewayFixture: canary seed {Seed}");
        var init = await AirlockProcess.RunAsync(Directory.Path, stdin: null, environment: null, "init", "--data-dir", "data");
        Assert.True(init.ExitCode == 0, init.ToString());
        const string Export = "export AIRLOCK_ADMIN_TOKEN=";
        var line = init.Stdout.Split('\n').Single(l => l.StartsWith(Export, StringComparison.Ordinal));
        RootToken = line[Export.Length..].Trim();
        leakChecked.Add(RootToken);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "airlock.dll"), "serve", "--data-dir", "data", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("could not start airlock serve");
        // Drain stderr all along (a full pipe would stall the server) and keep it: it is checked for leaks at the end.
        server.ErrorDataReceived += (_, e) =>
        {
            lock (serverOutput)
            {
                serverOutput.AppendLine(e.Data);
            }
        };
        server.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        const string Listening = "airlock: admin API listening on ";
        while (AdminAddress.Length == 0)
        {
            var next = await server.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"airlock serve exited: {await server.StandardError.ReadToEndAsync(timeout.Token)}");
            serverOutput.AppendLine(next);
            if (next.StartsWith(Listening, StringComparison.Ordinal))
            {
                AdminAddress = next[Listening.Length..].Trim();
            }
        }

        serverStdout = server.StandardOutput.ReadToEndAsync();
    }

    /// <summary>A secret value unique to this run, derived from <see cref="Seed"/>; every output is checked for it.</summary>
    public string Canary(string purpose)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}:{purpose}"));
        var canary = $"canary-{Convert.ToHexStringLower(bytes)[..32]}";
        lock (canaries)
        {
            canaries.Add(canary);
        }

        return canary;
    }

    /// <summary>Runs <c>airlock args…</c> against the gateway with <paramref name="token"/> (the root token by default).</summary>
    public async Task<CliResult> RunWithAsync(string? stdin, string? token, params string[] args)
    {
        var result = await AdminCli.RunAsync(AdminAddress, stdin, token ?? RootToken, args);
        AssertNoLeak(result, args);
        return result;
    }

    /// <summary>Runs with the root token and no stdin.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithAsync(null, null, args);

    /// <summary>Marks <paramref name="text"/> (such as a named admin token) as never to be printed by a later command.</summary>
    public void NeverPrint(string text) => leakChecked.Add(text);

    /// <summary>Checks that no canary and no admin token in use appears in <paramref name="result"/>.</summary>
    public void AssertNoLeak(CliResult result, string[] args)
    {
        string[] secrets;
        lock (canaries)
        {
            secrets = [.. canaries, .. leakChecked];
        }

        foreach (var secret in secrets)
        {
            Assert.False(
                result.Stdout.Contains(secret, StringComparison.Ordinal) || result.Stderr.Contains(secret, StringComparison.Ordinal),
                $"`airlock {string.Join(' ', args)}` printed a secret value or token (canary seed {Seed})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Dispose();
    }

    /// <summary>Kills the server (as a crash would: nothing is flushed or checkpointed) and keeps all it printed.</summary>
    public async Task StopAsync()
    {
        if (server is not null)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            serverOutput.Append(serverStdout is null ? string.Empty : await serverStdout);
            server.Dispose();
            server = null;
        }
    }

    /// <summary>
    /// After every round trip (put, rotate, delete …): no canary in any file of the data directory (the database,
    /// its -wal and -shm, the key file) nor in the server's own output, raw or encoded.
    /// </summary>
    public void AssertNoCanaryAtRest()
    {
        string[] values;
        lock (canaries)
        {
            values = [.. canaries];
        }

        var forms = values.SelectMany(v => Airlock.Gateway.Tests.Support.Canary.Forms(v).Select(f => f.Bytes)).ToArray();
        var data = Path.Combine(Directory.Path, "data");
        foreach (var file in System.IO.Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(forms.Any(f => bytes.AsSpan().IndexOf(f) >= 0), $"{Path.GetFileName(file)} holds a canary secret value (seed {Seed})");
        }

        var log = Encoding.UTF8.GetBytes(serverOutput.ToString());
        Assert.False(forms.Any(f => log.AsSpan().IndexOf(f) >= 0), $"airlock serve printed a canary secret value (seed {Seed})");
    }
}
