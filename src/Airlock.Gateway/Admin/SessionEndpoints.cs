using Airlock.Core;
using Airlock.Core.Sessions;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var sessions = runtime.SessionService;
        app.MapPost("/v1/sessions", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<StartSessionBody>(request, ct);
            TimeSpan? ttl = body.TtlSeconds is { } seconds
                ? seconds is > 0 and <= int.MaxValue
                    ? TimeSpan.FromSeconds(seconds)
                    : throw ControlPlaneException.Invalid("ttl_seconds", $"must be between 1 and {(long)sessions.MaxTtl.TotalSeconds} seconds")
                : null;
            var started = await sessions.StartAsync(new StartSessionRequest(body.Agent, body.User, body.Intent, body.Scope ?? [], ttl), ct);
            var view = new StartedSessionView(started.Token.Token, SessionView.From(started.Session, runtime.Time.GetUtcNow()), started.Session.ExpiresAt);
            return Results.Json(view, ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });

        app.MapGet("/v1/sessions", async (string? agent, string? user, bool? all, CancellationToken ct) =>
        {
            var now = runtime.Time.GetUtcNow();
            var list = await runtime.Store.Sessions.ListAsync(now, agent, user, all ?? false, ct);
            return Results.Json(list.Select(s => SessionView.From(s, now)), ApiJson.Options);
        });

        app.MapGet("/v1/sessions/{id}", async (string id, CancellationToken ct) =>
            await runtime.Store.Sessions.GetAsync(id, ct) is { } session
                ? Results.Json(SessionView.From(session, runtime.Time.GetUtcNow()), ApiJson.Options)
                : throw ControlPlaneException.NotFound("session", id));

        app.MapPost("/v1/sessions/{id}/revoke", async (string id, HttpRequest request, CancellationToken ct) =>
        {
            var body = await ReadOptionalAsync<RevokeSessionBody>(request, ct) ?? new RevokeSessionBody();
            return Results.Json(new RevokedView(await sessions.RevokeAsync(id, body.Reason, ct)), ApiJson.Options);
        });

        app.MapPost("/v1/sessions/revoke", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<RevokeSessionsBody>(request, ct);
            var revoked = (body.Agent, body.User) switch
            {
                ({ } agent, null) => await sessions.RevokeByAgentAsync(agent, body.Reason, ct),
                (null, { } user) => await sessions.RevokeByUserAsync(user, body.Reason, ct),
                _ => throw ControlPlaneException.Invalid("agent", "or user must be given, and not both"),
            };
            return Results.Json(new RevokedView(revoked), ApiJson.Options);
        });
    }

    /// <summary>An empty body is allowed where every member is optional.</summary>
    private static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class =>
        request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0
            ? null
            : await RequestBody.ReadAsync<T>(request, ct);
}
