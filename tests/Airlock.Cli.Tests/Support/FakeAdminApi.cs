using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Tests.Support;

/// <summary>
/// Kestrel on loopback port 0 playing the admin API: it records every request and answers with whatever
/// <see cref="Respond"/> says (by default 200 <c>{}</c>). Lets the process tests check what airlock sends, and that
/// usage errors send nothing.
/// </summary>
public sealed class FakeAdminApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeAdminApi(WebApplication app) => this.app = app;

    /// <summary>The address to give airlock as <c>AIRLOCK_ADDR</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer to each request.</summary>
    public Func<RecordedRequest, FakeResponse> Respond { get; set; } = _ => new FakeResponse(200, "{}");

    /// <summary>Starts the server.</summary>
    public static async Task<FakeAdminApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeAdminApi(builder.Build());
        fake.app.Run(fake.HandleAsync);
        await fake.app.StartAsync();
        fake.Address = fake.app.Urls.Single();
        return fake;
    }

    /// <summary>Answers with a problem+json document, as the gateway does for every error.</summary>
    public static FakeResponse Problem(int status, string code, string detail, string errors = "null") =>
        new(status, $$"""{"type":"urn:airlock:problem:{{code}}","title":"t","status":{{status}},"detail":"{{detail}}","code":"{{code}}","errors":{{errors}}}""",
            "application/problem+json");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString(),
            await reader.ReadToEndAsync());
        Requests.Enqueue(request);
        var response = Respond(request);
        context.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }
}
