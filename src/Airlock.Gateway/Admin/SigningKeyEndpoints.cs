using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

internal static class SigningKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var ring = runtime.SigningKeys;
        app.MapGet("/v1/signing-keys", () =>
            Results.Json(ring.Keys.Select(k => SigningKeyView.From(k, ring.Active.KeyId)), ApiJson.Options));

        app.MapPost("/v1/signing-keys/rotate", async (CancellationToken ct) =>
        {
            // Old tokens live at most as long as the longest session, so the retired key verifies that long.
            var key = await ring.RotateAsync(runtime.Options.MaxSessionTtl, ct);
            return Results.Json(SigningKeyView.From(key, ring.Active.KeyId), ApiJson.Options);
        });
    }
}
