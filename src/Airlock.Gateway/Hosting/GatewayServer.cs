using Airlock.Gateway.Admin;
using Airlock.Gateway.DataPlane;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// The two listeners. They are separate applications sharing only the runtime, so no admin route exists on
/// the data plane and no data-plane route on the admin plane, whatever a request's Host header says.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _data;
    private readonly WebApplication _admin;

    private readonly UpstreamForwarder _forwarder;
    private readonly BudgetSweeper _budgetSweeper;

    private GatewayServer(WebApplication data, WebApplication admin, UpstreamForwarder forwarder, BudgetSweeper budgetSweeper)
    {
        _forwarder = forwarder;
        _budgetSweeper = budgetSweeper;
        _data = data;
        _admin = admin;
    }

    public Uri DataPlaneAddress => BoundAddress(_data);

    public Uri AdminAddress => BoundAddress(_admin);

    public static async Task<GatewayServer> StartAsync(GatewayRuntime runtime, CancellationToken cancellationToken = default)
    {
        var dataEndpoint = ListenAddress.Parse(runtime.Options.Listen, "--listen");
        var adminEndpoint = ListenAddress.Parse(runtime.Options.AdminListen, "--admin-listen");

        var data = Build(dataEndpoint, maxBodyBytes: 10 * 1024 * 1024, maxConnections: 10_000);
        data.Use((context, next) => ProblemMiddleware.InvokeAsync(context, data.Logger, () => next(context)));
        data.Use((context, next) => SessionAuthentication.InvokeAsync(context, runtime.TokenValidator, () => next(context)));
        var forwarder = new UpstreamForwarder(logger: data.Logger);
        DataPlaneEndpoints.Map(data, runtime, new CallPipeline(runtime, forwarder, runtime.Leaks));

        var admin = Build(adminEndpoint, maxBodyBytes: 1024 * 1024, maxConnections: 256);
        admin.Use((context, next) => ProblemMiddleware.InvokeAsync(context, admin.Logger, () => next(context)));
        admin.Use((context, next) => AdminAuthentication.InvokeAsync(context, runtime.AdminTokens, () => next(context)));
        admin.MapGet("/v1/health", () => Results.Json(new { status = "ok" }, ApiJson.Options));
        SecretEndpoints.Map(admin, runtime);
        ServiceEndpoints.Map(admin, runtime);
        IdentityEndpoints.Map(admin, runtime);
        SessionEndpoints.Map(admin, runtime);
        AdminTokenEndpoints.Map(admin, runtime);
        SigningKeyEndpoints.Map(admin, runtime);
        PolicyEndpoints.Map(admin, runtime);
        AuditEndpoints.Map(admin, runtime);
        BudgetEndpoints.Map(admin, runtime);
        admin.MapFallback("{**path}", () => new ApiProblem(404, "not_found", "Not found", "no such admin route; see docs/admin-api.md").ToResult());

        try
        {
            await data.StartAsync(cancellationToken).ConfigureAwait(false);
            await admin.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await data.DisposeAsync().ConfigureAwait(false);
            await admin.DisposeAsync().ConfigureAwait(false);
            throw new StartupException($"cannot listen: {e.Message}", e);
        }

        return new GatewayServer(data, admin, forwarder, new BudgetSweeper(runtime.Budgets, runtime.Time, data.Logger));
    }

    public async ValueTask DisposeAsync()
    {
        await _budgetSweeper.DisposeAsync().ConfigureAwait(false);
        await _data.StopAsync().ConfigureAwait(false);
        await _admin.StopAsync().ConfigureAwait(false);
        await _data.DisposeAsync().ConfigureAwait(false);
        await _admin.DisposeAsync().ConfigureAwait(false);
        _forwarder.Dispose();
    }

    private static WebApplication Build(System.Net.IPEndPoint endpoint, long maxBodyBytes, long maxConnections)
    {
        // Airlock takes no appsettings.json: its settings are its options. Left at the defaults, the host would watch
        // the working directory recursively for config changes, and with the data directory under it every audit
        // write would wake that watcher (it cost an eighth of the CPU under load).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // The host logs a failed start with its stack trace; Airlock reports it itself, in one line (StartupException).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
            // Set on purpose rather than left at defaults: these bound what one client can make the server hold.
            kestrel.Limits.MaxConcurrentConnections = maxConnections;
            kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            // A client that trickles its body, or stops reading a response, holds a connection and its buffers: below
            // these rates (after a grace period) the connection is closed. Streamed responses that are merely slow to
            // produce are unaffected: the response rate only counts while Airlock has data waiting for the client.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(10));
            kestrel.Limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(10));
            kestrel.Limits.MaxResponseBufferSize = 64 * 1024;
            kestrel.Limits.MaxRequestBufferSize = 1024 * 1024;
        });
        return builder.Build();
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
