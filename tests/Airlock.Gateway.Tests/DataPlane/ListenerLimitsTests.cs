using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>The data plane's Kestrel limits hold at the real listener, before anything is forwarded.</summary>
public sealed class ListenerLimitsTests : IAsyncLifetime
{
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        _gateway = await RunningGateway.StartAsync();
        await _gateway.PostAsync("/v1/services", new { name = "echo", url = _upstream.Address.ToString() });
        (_token, _) = await _gateway.StartSessionAsync(user: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Too_many_headers_are_refused_431()
    {
        var headers = Enumerable.Range(0, 101).Select(i => $"X-Flood-{i}: x").Append($"Authorization: Bearer {_token}").ToArray();

        var response = await RawHttp.SendAsync(_gateway.Server.DataPlaneAddress, "GET /echo/x HTTP/1.1", headers);

        Assert.Equal(431, response.Status);
        Assert.Equal(0, _upstream.RequestCount);
    }

    [Fact]
    public async Task A_request_line_over_8_KiB_is_refused_414()
    {
        var response = await RawHttp.SendAsync(_gateway.Server.DataPlaneAddress, $"GET /echo/{new string('a', 9000)} HTTP/1.1", $"Authorization: Bearer {_token}");

        Assert.Equal(414, response.Status);
        Assert.Equal(0, _upstream.RequestCount);
    }

    [Fact]
    public async Task A_body_over_10_MiB_is_refused_413_as_problem_json_and_audited()
    {
        // Refused from the declared length alone, before the body is read, so the agent learns it without sending it.
        var response = await RawHttp.SendAsync(
            _gateway.Server.DataPlaneAddress, "POST /echo/upload HTTP/1.1", $"Authorization: Bearer {_token}", $"Content-Length: {(10 * 1024 * 1024) + 1}");

        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.Headers["Content-Type"].Split(';')[0]);
        Assert.Equal("too_large", response.Json["code"]!.GetValue<string>());
        Assert.Equal(0, _upstream.RequestCount);
        var records = await _gateway.Admin.GetStringAsync("/v1/audit/records?from=0&limit=10");
        Assert.Contains("body_too_large", records, StringComparison.Ordinal);
    }
}
