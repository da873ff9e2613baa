using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Core.Tests.Support;

/// <summary>
/// A real OAuth token endpoint on Kestrel, 127.0.0.1, port 0. It records every request (any path) and answers with
/// <see cref="Responder"/>; by default it issues <c>access-1</c>, <c>access-2</c> … as bearer tokens valid for an hour.
/// </summary>
public sealed class LocalTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private LocalTokenEndpoint(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri TokenUrl => new(BaseAddress, "/token");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers the request numbered from 1; may wait (e.g. on a gate the test opens).</summary>
    public Func<RecordedRequest, int, Task<TokenReply>> Responder { get; set; } =
        static (_, n) => Task.FromResult(TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":3600}"""));

    /// <summary>Signalled when the first request has arrived.</summary>
    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<LocalTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LocalTokenEndpoint? endpoint = null;
        app.Run(context => endpoint!.HandleAsync(context));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint = new LocalTokenEndpoint(app, new Uri(address));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted));
        Requests.Enqueue(recorded);
        var n = Interlocked.Increment(ref _count);
        FirstRequest.TrySetResult();

        var reply = await Responder(recorded, n);
        context.Response.StatusCode = reply.Status;
        if (reply.Location is not null)
        {
            context.Response.Headers.Location = reply.Location;
        }

        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string? ContentType, string Body);

public sealed record TokenReply(int Status, string Body, string ContentType, string? Location = null)
{
    public static TokenReply Json(int status, string body) => new(status, body, "application/json");
}
