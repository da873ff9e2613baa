using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Airlock.Cli.Tests;

/// <summary>
/// <c>airlock dev</c> as a real process: the lines it prints are run as printed (curl through bash, the audit command
/// through airlock) and do what their comments say.
/// </summary>
public sealed class DevCommandTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_printed_commands_show_the_call_the_injected_key_the_redaction_the_denial_and_a_verifying_log()
    {
        Assert.True(File.Exists("/usr/bin/curl"), "curl is needed to run the lines `airlock dev` prints (apt-get install -y curl)");
        using var directory = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "airlock.dll"), "dev", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var dev = Process.Start(start)!;
        var stderr = dev.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var printed = await ReadInstructionsAsync(dev);
        var exports = printed.Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        var curls = printed.Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        var keyHash = printed.Single(l => l.Contains("its SHA-256 is ", StringComparison.Ordinal)).Split("its SHA-256 is ")[1].Trim();
        try
        {
            Assert.Equal(["AIRLOCK_URL", "AIRLOCK_TOKEN", "AIRLOCK_ADDR", "AIRLOCK_ADMIN_TOKEN"], exports.Keys);
            Assert.Equal(3, curls.Count);

            var call = JsonNode.Parse(await BashAsync(curls[0], exports))!;
            Assert.Equal(keyHash, call["received_key_sha256"]!.GetValue<string>());
            Assert.Equal("Bearer [REDACTED:demo_api_key]", call["received_authorization"]!.GetValue<string>());
            Assert.Equal("REDACTED:demo_api_key", (await BashAsync(curls[1], exports)).Trim());
            var denied = JsonNode.Parse(await BashAsync(curls[2], exports))!;
            Assert.Equal(403, denied["status"]!.GetValue<int>());
            Assert.Equal("agents may not touch the admin area of the demo service", denied["detail"]!.GetValue<string>());

            Assert.EndsWith("-- audit verify", printed.Last(l => l.Length > 0));
            var verify = await AirlockProcess.RunAsync(
                directory.Path, null, new Dictionary<string, string> { ["AIRLOCK_ADDR"] = exports["AIRLOCK_ADDR"], ["AIRLOCK_ADMIN_TOKEN"] = exports["AIRLOCK_ADMIN_TOKEN"] }, "audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.StartsWith("ok: ", verify.Stdout);
        }
        finally
        {
            using var term = Process.Start("kill", ["-TERM", dev.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await dev.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var errors = await stderr;
        Assert.Equal(0, dev.ExitCode);
        var dataDirectory = errors.Split(["data directory "], StringSplitOptions.None)[1].Split(' ')[0];
        Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} was left behind");
        Assert.DoesNotContain("demo_sk_", string.Join("\n", printed) + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_address_or_an_existing_data_directory_is_a_usage_error_that_creates_nothing()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "taken"));

        var badAddress = await directory.RunAsync("dev", "--listen", "nonsense", "--data-dir", "fresh");
        var taken = await directory.RunAsync("dev", "--data-dir", "taken", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");

        Assert.True(badAddress.ExitCode == 2, badAddress.ToString());
        Assert.StartsWith("error: --listen 'nonsense' is not an address", badAddress.Stderr);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "fresh")));
        Assert.True(taken.ExitCode == 2, taken.ToString());
        Assert.Contains("exists already", taken.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(directory.Path, "taken")));
    }

    private static async Task<List<string>> ReadInstructionsAsync(Process dev)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var lines = new List<string>();
        while (true)
        {
            var line = await dev.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("airlock dev exited early: " + string.Join("\n", lines));
            lines.Add(line);
            if (line.EndsWith("-- audit verify", StringComparison.Ordinal))
            {
                _ = dev.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return lines;
            }
        }
    }

    private static async Task<string> BashAsync(string commandLine, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"`{commandLine}` exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
