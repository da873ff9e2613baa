using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests;

/// <summary>Input the CLI can judge by itself is refused with exit 2 before any request: the fake admin API must see nothing.</summary>
public sealed class AdminUsageErrorTests : IAsyncLifetime
{
    private FakeAdminApi api = null!;

    public async ValueTask InitializeAsync() => api = await FakeAdminApi.StartAsync();

    public async ValueTask DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Missing_admin_token_exits_two_and_says_to_export_it()
    {
        var result = await AdminCli.RunAsync(api.Address, stdin: null, token: null, "secret", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: AIRLOCK_ADMIN_TOKEN is not set", result.Stderr);
        Assert.Contains("export AIRLOCK_ADMIN_TOKEN=", result.Stderr);
        Assert.Contains("airlock init", result.Stderr);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("error: --inject: `bearer:x` does not start with a credential kind", "service", "add", "gh", "--url", "https://api.github.com", "--inject", "bearer:x")]
    [InlineData("error: --inject: header `Host` controls how the request is delivered", "service", "add", "gh", "--url", "https://api.github.com", "--inject", "header:Host={{secret:x}}")]
    [InlineData("error: --inject: template references no secret", "service", "add", "gh", "--url", "https://api.github.com", "--inject", "header:Authorization=Bearer literal")]
    [InlineData("error: --url: `https://api.github.com/?a=1` cannot be a service URL: it has a query", "service", "add", "gh", "--url", "https://api.github.com/?a=1", "--inject", "none")]
    [InlineData("error: --url: `ftp://x` is not an absolute http or https URL", "service", "add", "gh", "--url", "ftp://x", "--inject", "none")]
    [InlineData("error: NAME: `llm` is reserved", "service", "add", "llm", "--url", "https://x.example", "--inject", "none")]
    [InlineData("error: --ttl: `15` is not a duration: `15` has no unit", "session", "start", "--agent", "a", "--intent", "triage", "--ttl", "15")]
    [InlineData("error: --ttl: `1w` is not a duration", "token", "create", "--name", "ci", "--ttl", "1w")]
    [InlineData("error: --intent: the intent is empty", "session", "start", "--agent", "a", "--intent", " ")]
    [InlineData("error: --scope: `GitHub` is not a valid service name", "session", "start", "--agent", "a", "--intent", "x", "--scope", "GitHub")]
    [InlineData("error: say which sessions to revoke: give exactly one of ID, --agent or --user", "session", "revoke")]
    [InlineData("error: say which sessions to revoke: give exactly one of ID, --agent or --user", "session", "revoke", "s1", "--agent", "a")]
    [InlineData("error: ID: `a/b` is not a valid agent id", "agent", "add", "a/b")]
    [InlineData("error: --group: `-eng` is not a valid group name", "user", "add", "alice", "--group", "-eng")]
    [InlineData("error: NAME: `gh token` is not a valid secret name", "secret", "delete", "gh token")]
    [InlineData("error: NAME: `airlock:signing` is an internal name", "secret", "delete", "airlock:signing")]
    [InlineData("error: --addr: `localhost:8081` is not an admin API address", "secret", "list", "--addr", "localhost:8081")]
    [InlineData("xml", "secret", "list", "--output", "xml")]
    [InlineData("error: say whose budget: give exactly one of --session, --agent or --user", "budget", "set", "--requests", "5")]
    [InlineData("error: say whose budget: give exactly one of --session, --agent or --user", "budget", "show", "--agent", "a", "--user", "b")]
    [InlineData("error: --agent: `bad id` is not a valid agent id", "budget", "remove", "--agent", "bad id")]
    [InlineData("error: set no limit: give at least one of --requests", "budget", "set", "--agent", "a", "--window", "1m")]
    [InlineData("error: --usd-per-day: `1.0000001` is not an amount of US dollars", "budget", "set", "--agent", "a", "--usd-per-day", "1.0000001")]
    [InlineData("error: --usd-per-month: `$5` is not an amount of US dollars", "budget", "set", "--user", "u", "--usd-per-month", "$5")]
    [InlineData("error: --requests: `1e3` is not a whole number", "budget", "set", "--agent", "a", "--requests", "1e3")]
    [InlineData("error: --window: `2d` is longer than one day", "budget", "set", "--agent", "a", "--tokens", "5", "--window", "2d")]
    public async Task Bad_input_exits_two_and_sends_nothing(string expected, params string[] args)
    {
        var result = await AdminCli.RunAsync(api, stdin: null, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Secret_value_on_the_command_line_is_refused_without_echoing_it()
    {
        var result = await AdminCli.RunAsync(api, "", "secret", "put", "gh", "hunter2-canary");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("secret values are never taken from the command line", result.Stderr);
        Assert.Contains("--from-file", result.Stderr);
        Assert.DoesNotContain("hunter2-canary", result.Stderr + result.Stdout);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Empty_value_on_stdin_is_refused(string stdin)
    {
        var result = await AdminCli.RunAsync(api, stdin, "secret", "put", "gh");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: the value from stdin is empty", result.Stderr);
        Assert.Contains("pipe the value on stdin", result.Stderr);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Value_over_64_KiB_is_refused()
    {
        var result = await AdminCli.RunAsync(api, new string('x', (64 * 1024) + 1), "secret", "rotate", "gh");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("larger than 64 KiB", result.Stderr);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Missing_from_file_is_refused()
    {
        var result = await AdminCli.RunAsync(api, stdin: null, "secret", "put", "gh", "--from-file", "does-not-exist.txt");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --from-file: `does-not-exist.txt` does not exist", result.Stderr);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("secret", "put")]
    [InlineData("service", "add")]
    [InlineData("session", "start")]
    [InlineData("token", "revoke")]
    [InlineData("signing-key", "rotate")]
    public async Task Help_documents_the_admin_exit_codes(string group, string command)
    {
        var result = await AdminCli.RunAsync(api, stdin: null, group, command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("5 not found (404); 6 already exists (409); 7 gateway unreachable or failed (5xx)", result.Stdout.ReplaceLineEndings(" "));
    }
}
