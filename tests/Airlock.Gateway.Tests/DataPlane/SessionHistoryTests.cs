using System.Net.Http.Headers;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary><c>context.history</c>: a session's calls and denials so far, counted from the sealed log, restarts included.</summary>
public sealed class SessionHistoryTests : IAsyncLifetime
{
    private const string Policies = """
        @id("read-echo")
        permit (principal, action in Airlock::Action::"read", resource in Airlock::Service::"echo");

        @id("three-calls-per-session")
        @reason("this session has used its three calls")
        forbid (principal, action, resource) when { context.history.calls >= 3 };

        @id("one-mistake-per-session")
        @reason("this session already had a call denied")
        forbid (principal, action, resource) when { context.history.denials >= 1 && context.request.path == "/after-a-denial" };
        """;

    private string _policyDirectory = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await LoopbackServer.StartAsync(context => Task.CompletedTask);
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-history-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "history.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/services", new { name = "echo", url = _upstream.Address.ToString() });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Fact]
    public async Task Policies_see_the_calls_so_far_and_a_restart_does_not_reset_them()
    {
        var (token, _) = await _gateway.StartSessionAsync(user: null);
        Assert.Equal(200, await StatusAsync(token, "/echo/one"));
        Assert.Equal(200, await StatusAsync(token, "/echo/two"));

        _gateway = await _gateway.RestartAsync();

        Assert.Equal(200, await StatusAsync(token, "/echo/three"));
        Assert.Equal(403, await StatusAsync(token, "/echo/four"));
    }

    [Fact]
    public async Task Denials_count_from_the_log_too()
    {
        var (token, _) = await _gateway.StartSessionAsync(user: null);
        Assert.Equal(200, await StatusAsync(token, "/echo/after-a-denial"));
        Assert.Equal(404, await StatusAsync(token, "/nosuch/x"));

        _gateway = await _gateway.RestartAsync();

        Assert.Equal(403, await StatusAsync(token, "/echo/after-a-denial"));
    }

    [Fact]
    public async Task Each_session_has_its_own_history()
    {
        var (first, _) = await _gateway.StartSessionAsync(user: null);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, await StatusAsync(first, "/echo/x"));
        }

        var (second, _) = await _gateway.StartSessionAsync(user: null);

        Assert.Equal(403, await StatusAsync(first, "/echo/x"));
        Assert.Equal(200, await StatusAsync(second, "/echo/x"));
    }

    private async Task<int> StatusAsync(string token, string target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _gateway.Data.SendAsync(request);
        return (int)response.StatusCode;
    }
}
