using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>What policy evaluates is what the upstream receives; nothing the agent sends chooses the host.</summary>
public sealed class ForwarderTargetTests : IAsyncLifetime
{
    private LoopbackServer _echo = null!;
    private LoopbackServer _evil = null!;
    private ForwardingHarness _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _echo = await LoopbackServer.StartAsync(Upstreams.Echo());
        _evil = await LoopbackServer.StartAsync(Upstreams.Echo());
        _gateway = await ForwardingHarness.StartAsync(
            [(ForwardingHarness.Service("echo", new Uri(_echo.Address, "/base/v1")), RenderedCredential.None)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
        await _evil.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "/echo/repos/a/b", "/base/v1/repos/a/b")]
    [InlineData("GET", "/echo", "/base/v1/")]
    [InlineData("GET", "/echo/", "/base/v1/")]
    [InlineData("DELETE", "/echo/a/", "/base/v1/a/")]
    [InlineData("GET", "/echo/%61%7e%2e", "/base/v1/a~.")]
    [InlineData("GET", "/echo/a%2eb/c%3fd", "/base/v1/a.b/c%3Fd")]
    [InlineData("GET", "/echo/%c3%a9/x%20y", "/base/v1/%C3%A9/x%20y")]
    [InlineData("PUT", "/echo/a;b=c:d@e!$&'()*+,", "/base/v1/a;b=c:d@e!$&'()*+,")]
    [InlineData("GET", "/echo/100%25", "/base/v1/100%25")]
    [InlineData("GET", "/echo/a?x=%2e%2e%2F&y=%c0%ae&z=a+b", "/base/v1/a?x=%2e%2e%2F&y=%c0%ae&z=a+b")]
    [InlineData("OPTIONS", "/echo/a?", "/base/v1/a")]
    public async Task Forward_RawTargetOnTheWire_IsBasePathPlusCanonicalPathPlusQuery(string method, string target, string expected)
    {
        Assert.True(RequestNormalizer.TryNormalize(method, target, out var normalized, out _));
        var response = await _gateway.SendRawAsync($"{method} {target} HTTP/1.1");

        Assert.Equal(200, response.Status);
        var received = response.Json;
        Assert.Equal(method, received["method"]!.GetValue<string>());
        Assert.Equal(expected, received["rawTarget"]!.GetValue<string>());
        // Byte for byte: the path policy saw is the suffix after the base path.
        Assert.Equal("/base/v1" + normalized.Path + (normalized.Query.Length > 0 ? "?" + normalized.Query : string.Empty), expected);
    }

    [Theory]
    [InlineData("GET", "/echo/../admin", NormalizationFailure.DotSegment)]
    [InlineData("GET", "/echo/a/%2e%2e/admin", NormalizationFailure.DotSegment)]
    [InlineData("GET", "/echo/%252e%252e/admin", NormalizationFailure.DoubleEncoding)]
    [InlineData("GET", "/echo/..%2fadmin", NormalizationFailure.EncodedSeparator)]
    [InlineData("GET", "/echo/..%5cadmin", NormalizationFailure.EncodedSeparator)]
    [InlineData("GET", "/echo/%c0%ae%c0%ae/admin", NormalizationFailure.InvalidUtf8)]
    [InlineData("GET", "/echo/%ef%bc%8e%ef%bc%8e/admin", NormalizationFailure.ConfusableCharacter)]
    [InlineData("GET", "/echo//admin", NormalizationFailure.EmptySegment)]
    [InlineData("get", "/echo/a", NormalizationFailure.UnsupportedMethod)]
    [InlineData("GeT", "/echo/a", NormalizationFailure.UnsupportedMethod)]
    [InlineData("TRACE", "/echo/a", NormalizationFailure.UnsupportedMethod)]
    public async Task Forward_RefusedTarget_IsAnsweredWithItsCodeAndNoConnectionIsAttempted(string method, string target, string code)
    {
        var response = await _gateway.SendRawAsync($"{method} {target} HTTP/1.1");

        Assert.Equal(code, response.Json["code"]!.GetValue<string>());
        Assert.Equal(code == NormalizationFailure.UnsupportedMethod ? 405 : 400, response.Status);
        Assert.Empty(_gateway.Connects);
        Assert.Equal(0, _echo.RequestCount);
    }

    [Fact]
    public async Task Forward_EncodedNul_IsRefusedBeforeAnyConnection()
    {
        // Kestrel itself refuses a %00 in the path before the application runs; the normalizer refuses it too.
        var response = await _gateway.SendRawAsync("GET /echo/a%00.json HTTP/1.1");

        Assert.Equal(400, response.Status);
        Assert.Empty(_gateway.Connects);
        Assert.Equal(0, _echo.RequestCount);
    }

    [Fact]
    public async Task Forward_RawFullwidthDots_AreRefusedBeforeAnyConnection()
    {
        var response = await _gateway.SendRawAsync("GET /echo/\uff0e\uff0e/admin HTTP/1.1");

        Assert.Equal(400, response.Status);
        Assert.Empty(_gateway.Connects);
        Assert.Equal(0, _echo.RequestCount);
    }

    [Fact]
    public async Task Forward_AbsoluteFormTarget_NeverReachesTheNamedHost()
    {
        var response = await _gateway.SendRawAsync($"GET http://{_evil.Authority}/echo/a HTTP/1.1", $"Host: {_evil.Authority}");

        Assert.Equal(400, response.Status);
        Assert.Equal(0, _evil.RequestCount);
        Assert.Equal(0, _echo.RequestCount);
        Assert.Empty(_gateway.Connects);
    }

    [Fact]
    public async Task Forward_HostAndForwardingHeaders_CannotChooseTheUpstream()
    {
        var response = await _gateway.SendRawAsync(
            "GET /echo/a HTTP/1.1",
            $"Host: {_evil.Authority}",
            $"X-Forwarded-Host: {_evil.Authority}",
            $"Forwarded: host={_evil.Authority}",
            $"X-Original-URL: http://{_evil.Authority}/",
            "X-Forwarded-Proto: https");

        Assert.Equal(200, response.Status);
        Assert.Equal(0, _evil.RequestCount);
        Assert.Equal(1, _echo.RequestCount);
        var headers = response.Json["headers"]!;
        Assert.Equal(_echo.Authority, headers["host"]!.GetValue<string>());
        Assert.Null(headers["x-forwarded-host"]);
        Assert.Null(headers["forwarded"]);
        Assert.Null(headers["x-forwarded-proto"]);
        Assert.Null(headers["x-original-url"]);
        Assert.All(_gateway.Connects, c => Assert.Equal((_echo.Address.Host, _echo.Address.Port), (c.Host, c.Port)));
        Assert.NotEmpty(_gateway.Connects);
    }

    [Fact]
    public async Task Forward_TargetNamingAnotherService_IsRefusedWithoutConnecting()
    {
        var response = await _gateway.SendRawAsync("GET /other/a HTTP/1.1");

        Assert.Equal(404, response.Status);
        Assert.Empty(_gateway.Connects);
    }
}
