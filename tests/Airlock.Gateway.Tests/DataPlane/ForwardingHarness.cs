using System.Collections.Concurrent;
using System.Net;
using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.Http;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>
/// A test-only data plane without authentication or policy: normalize the raw target, look the service up, forward.
/// Every outbound connection attempt is recorded in <see cref="Connects"/> (the connect spy).
/// </summary>
internal sealed class ForwardingHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UpstreamForwarder _forwarder;

    private ForwardingHarness(WebApplication app, UpstreamForwarder forwarder, ConcurrentQueue<DnsEndPoint> connects)
    {
        _app = app;
        _forwarder = forwarder;
        Connects = connects;
    }

    public ConcurrentQueue<DnsEndPoint> Connects { get; }

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What <see cref="UpstreamForwarder.ForwardAsync"/> returned, per request, in order.</summary>
    public ConcurrentQueue<ForwardResult> Results { get; } = new();

    public static ServiceDefinition Service(string name, Uri baseUrl) =>
        new(name, baseUrl, new NoCredential(), string.Empty, "api", DateTimeOffset.UnixEpoch);

    public static async Task<ForwardingHarness> StartAsync(
        IEnumerable<(ServiceDefinition Service, RenderedCredential Credential)> services,
        Func<Stream, Stream>? wrapResponseBody = null,
        TimeSpan? responseHeadersTimeout = null,
        TimeSpan? bodyIdleTimeout = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolveHost = null)
    {
        var routes = services.ToDictionary(s => s.Service.Name, StringComparer.Ordinal);
        var connects = new ConcurrentQueue<DnsEndPoint>();
        var defaults = new UpstreamForwarderOptions();
        var forwarder = new UpstreamForwarder(new UpstreamForwarderOptions
        {
            ResponseHeadersTimeout = responseHeadersTimeout ?? defaults.ResponseHeadersTimeout,
            BodyIdleTimeout = bodyIdleTimeout ?? defaults.BodyIdleTimeout,
            OnConnect = connects.Enqueue,
            ResolveHost = resolveHost ?? defaults.ResolveHost,
        });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        var harness = new ForwardingHarness(app, forwarder, connects);
        app.Run(async context =>
        {
            if (!RequestNormalizer.TryNormalize(context, out var request, out var failure))
            {
                await failure.ToProblem().ToResult().ExecuteAsync(context);
                return;
            }

            if (!routes.TryGetValue(request.Service, out var route))
            {
                await new ApiProblem(404, "no_route", "No such route", $"no service `{request.Service}`").ToResult().ExecuteAsync(context);
                return;
            }

            harness.Results.Enqueue(await forwarder.ForwardAsync(context, route.Service, request, route.Credential, wrapResponseBody, context.RequestAborted));
        });
        await app.StartAsync();
        harness.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        harness.Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = harness.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return harness;
    }

    public Task<RawResponse> SendRawAsync(string requestLine, params string[] headers) => RawHttp.SendAsync(Address, requestLine, headers);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forwarder.Dispose();
    }
}
