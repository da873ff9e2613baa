using Airlock.Gateway.Admin;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane;

internal static class DataPlaneEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime, CallPipeline pipeline)
    {
        // Lets an agent (or its developer) check what its token stands for. Service names cannot start with
        // '_', so this path never collides with a service route.
        app.MapGet("/_airlock/session", async (HttpContext context, CancellationToken ct) =>
        {
            var principal = SessionAuthentication.Principal(context);
            var session = await runtime.Sessions.GetSessionAsync(principal.SessionId, ct)
                ?? throw ApiProblem.Unauthenticated("the session no longer exists");
            return Results.Json(SessionView.From(session, runtime.Time.GetUtcNow()), ApiJson.Options);
        });

        // Everything else is an agent call to a service: /{service}/{path}. The pattern is explicit because the
        // default fallback skips paths that look like files (`README.md`), which would answer a bare 404 unaudited.
        app.MapFallback("{**path}", pipeline.HandleAsync);
    }
}
