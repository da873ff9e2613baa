using Airlock.Core;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

internal static class AdminTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        app.MapPost("/v1/admin-tokens", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<CreateAdminTokenBody>(request, ct);
            if (body.TtlSeconds is <= 0 or > 366L * 24 * 3600)
            {
                throw ControlPlaneException.Invalid("ttl_seconds", "must be between 1 second and 366 days");
            }

            var (text, token) = await runtime.AdminTokens.CreateNamedAsync(body.Name, TimeSpan.FromSeconds(body.TtlSeconds), ct);
            return Results.Json(new CreatedAdminTokenView(text, token.Id, token.Name, token.CreatedAt, token.ExpiresAt), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });

        app.MapGet("/v1/admin-tokens", async (CancellationToken ct) =>
            Results.Json((await runtime.Store.AdminTokens.ListAsync(ct)).Select(AdminTokenView.From), ApiJson.Options));

        app.MapDelete("/v1/admin-tokens/{idOrName}", async (string idOrName, CancellationToken ct) =>
        {
            await runtime.AdminTokens.RevokeAsync(idOrName, ct);
            return Results.NoContent();
        });
    }
}
