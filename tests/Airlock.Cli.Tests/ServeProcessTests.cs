using System.Diagnostics;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests;

/// <summary>`airlock init` and `airlock serve` as an operator runs them.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_on_a_new_directory_initializes_it_prints_the_token_once_and_listens()
    {
        using var directory = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "airlock.dll"), "serve", "--data-dir", "fresh", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        server.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var lines = new List<string>();
        while (!lines.Any(l => l.StartsWith("airlock: admin API listening on ", StringComparison.Ordinal)))
        {
            lines.Add(await server.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("serve exited early"));
        }

        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Matches("^export AIRLOCK_ADMIN_TOKEN=airlock_admin_[A-Za-z0-9_-]{43}$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("airlock: data plane listening on http://127.0.0.1:", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(directory.Path, "fresh", "airlock.db")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory.Path, "fresh", "kek")));
    }

    [Fact]
    public async Task Audited_calls_are_checkpointed_to_the_file_outside_the_data_directory_and_verify_offline()
    {
        using var directory = new TempDirectory();
        var init = await directory.RunAsync("init", "--data-dir", "d");
        var token = init.Stdout.Trim()["export AIRLOCK_ADMIN_TOKEN=".Length..];
        var checkpoints = Path.Combine(directory.Path, "checkpoints.jsonl");
        await using var server = await ServeProcess.StartAsync(
            directory.Path, TimeSpan.FromMinutes(1), "--data-dir", "d", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0", "--audit-checkpoint-file", checkpoints);

        Assert.Equal(0, (await AdminCli.RunAsync(server.AdminAddress, null, token, "agent", "add", "bot")).ExitCode);
        var session = await AdminCli.RunAsync(server.AdminAddress, null, token, "session", "start", "--agent", "bot", "--intent", "check the audit");
        using (var http = new HttpClient())
        {
            for (var i = 0; i < 3; i++)
            {
                using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(server.DataAddress, "/nosuch/thing"));
                call.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Stdout.Trim());
                using var response = await http.SendAsync(call, TestContext.Current.CancellationToken);
                Assert.Equal(404, (int)response.StatusCode);
            }
        }

        // A graceful stop signs a last checkpoint.
        Assert.Equal(0, await server.StopAsync(TimeSpan.FromMinutes(1)));
        Assert.True(File.Exists(checkpoints), "no checkpoint file was written");
        Assert.NotEmpty(File.ReadAllLines(checkpoints));

        var verify = await directory.RunAsync("audit", "verify", "--data-dir", "d", "--checkpoint-file", checkpoints);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task Serve_with_a_wrong_key_exits_2_and_says_why()
    {
        using var directory = new TempDirectory();
        Assert.Equal(0, (await directory.RunAsync("init", "--data-dir", "d")).ExitCode);
        File.WriteAllText(Path.Combine(directory.Path, "d", "kek"), Convert.ToBase64String(new byte[32]) + "\n");

        var result = await directory.RunAsync("serve", "--data-dir", "d", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not open", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_twice_exits_2_and_keeps_the_first_key()
    {
        using var directory = new TempDirectory();
        Assert.Equal(0, (await directory.RunAsync("init", "--data-dir", "d")).ExitCode);
        var key = File.ReadAllText(Path.Combine(directory.Path, "d", "kek"));

        var again = await directory.RunAsync("init", "--data-dir", "d");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already initialized", again.Stderr, StringComparison.Ordinal);
        Assert.Empty(again.Stdout);
        Assert.Equal(key, File.ReadAllText(Path.Combine(directory.Path, "d", "kek")));
    }

    [Fact]
    public async Task Serve_with_a_bad_listen_address_exits_2()
    {
        using var directory = new TempDirectory();

        var result = await directory.RunAsync("serve", "--data-dir", "d", "--listen", "not-an-address");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--listen", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "d")), "bad input must change nothing");
    }

    [Fact]
    public async Task Serve_on_a_port_already_taken_exits_2_with_one_line_and_no_stack_trace()
    {
        using var directory = new TempDirectory();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var result = await directory.RunAsync("serve", "--data-dir", "d", "--listen", $"127.0.0.1:{port}", "--admin-listen", "127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("address already in use", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", result.Stderr, StringComparison.Ordinal);
    }
}
