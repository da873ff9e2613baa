using System.Net;
using Airlock.Core.Services;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>Which headers cross in each direction, and that the credential always lands as Airlock rendered it.</summary>
public sealed class ForwarderHeaderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Forward_AgentCredentialsAndProxyHeaders_AreStrippedAndTheCredentialInjected()
    {
        var secret = Canary.New("header", output);
        await using var echo = await LoopbackServer.StartAsync(Upstreams.Echo());
        var credential = new RenderedCredential([new CredentialField("Authorization", "Bearer " + secret)], []);
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("echo", echo.Address), credential)]);

        var response = await gateway.SendRawAsync(
            "GET /echo/a HTTP/1.1",
            "Authorization: Bearer agent-token",
            "Cookie: session=agent",
            "X-Api-Key: agent-key",
            "Proxy-Authorization: Basic eDp5",
            "Proxy-Foo: 1",
            "Forwarded: for=1.2.3.4",
            "X-Forwarded-For: 1.2.3.4",
            "X-Real-IP: 1.2.3.4",
            "Airlock-Session: x",
            "X-Airlock-Debug: 1",
            "X-HTTP-Method-Override: DELETE",
            "X-Rewrite-URL: /admin",
            "Accept-Encoding: gzip, br",
            "Keep-Alive: timeout=5",
            "TE: trailers",
            "Upgrade: websocket",
            "Connection: Upgrade, X-Named, Authorization",
            "X-Named: removed",
            "X-Kept: kept",
            "Accept: application/json");

        Assert.Equal(200, response.Status);
        var headers = response.Json["headers"]!.AsObject();
        Assert.Equal("Bearer " + secret, headers["authorization"]!.GetValue<string>());
        Assert.Equal("identity", headers["accept-encoding"]!.GetValue<string>());
        Assert.Equal("kept", headers["x-kept"]!.GetValue<string>());
        Assert.Equal("application/json", headers["accept"]!.GetValue<string>());
        foreach (var name in new[]
        {
            "cookie", "x-api-key", "proxy-authorization", "proxy-foo", "forwarded", "x-forwarded-for", "x-real-ip",
            "airlock-session", "x-airlock-debug", "x-http-method-override", "x-rewrite-url", "keep-alive", "te", "upgrade", "x-named",
        })
        {
            Assert.False(headers.ContainsKey(name), $"{name} reached the upstream");
        }

        // Kestrel's client side may send its own Connection header, but never the agent's list.
        Assert.DoesNotContain("X-Named", headers["connection"]?.GetValue<string>() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forward_ConnectionHeaderNamingTheCredentialHeader_CannotRemoveIt()
    {
        var secret = Canary.New("apikey", output);
        await using var echo = await LoopbackServer.StartAsync(Upstreams.Echo());
        var credential = new RenderedCredential([new CredentialField("X-Service-Key", secret)], []);
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("echo", echo.Address), credential)]);

        var response = await gateway.SendRawAsync("GET /echo/a HTTP/1.1", "Connection: X-Service-Key", "X-Service-Key: agent-chosen");

        Assert.Equal(secret, response.Json["headers"]!["x-service-key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forward_QueryCredential_IsAppendedEncodedAndShadowsTheAgentsParameter()
    {
        var secret = Canary.New("query", output) + "&/=+";
        await using var echo = await LoopbackServer.StartAsync(Upstreams.Echo());
        var credential = new RenderedCredential([], [new CredentialField("api_key", secret)]);
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("echo", echo.Address), credential)]);

        var response = await gateway.SendRawAsync("GET /echo/search?q=1&api_key=mine&API_KEY=mine2 HTTP/1.1");

        Assert.Equal($"/search?q=1&api_key={Uri.EscapeDataString(secret)}", response.Json["rawTarget"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forward_ResponseHopByHopCookiesAndAltSvc_AreNotRelayed()
    {
        await using var upstream = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["Connection"] = "X-Hop";
            context.Response.Headers["X-Hop"] = "1";
            context.Response.Headers["Set-Cookie"] = "session=upstream-secret";
            context.Response.Headers["Alt-Svc"] = "h3=\":443\"";
            context.Response.Headers["Keep-Alive"] = "timeout=5";
            context.Response.Headers["X-Ok"] = "yes";
            context.Response.Headers["Location"] = "/somewhere";
            await context.Response.WriteAsync("ok");
        });
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("up", upstream.Address), RenderedCredential.None)]);

        using var response = await gateway.Client.GetAsync("/up/a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("X-Ok").Single());
        Assert.Equal("/somewhere", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("X-Hop"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("Alt-Svc"));
        Assert.False(response.Headers.Contains("Keep-Alive"));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
