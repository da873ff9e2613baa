using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>Secrets: values go in (and only in a request body), summaries come out.</summary>
internal static class SecretEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var vault = runtime.Vault;
        app.MapGet("/v1/secrets", async (CancellationToken ct) =>
            Results.Json((await vault.ListAsync(ct)).Select(SecretView.From), ApiJson.Options));

        app.MapPost("/v1/secrets", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<CreateSecretBody>(request, ct);
            var summary = await vault.CreateAsync(body.Name, body.Value, ct);
            await runtime.SecretsChangedAsync(ct);
            return Results.Json(SecretView.From(summary), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });

        app.MapPost("/v1/secrets/{name}/rotate", async (string name, HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<RotateSecretBody>(request, ct);
            var summary = await vault.RotateAsync(name, body.Value, ct);
            await runtime.SecretsChangedAsync(ct);
            return Results.Json(SecretView.From(summary), ApiJson.Options);
        });

        app.MapDelete("/v1/secrets/{name}", async (string name, CancellationToken ct) =>
        {
            if (!await vault.DeleteAsync(name, ct))
            {
                throw ApiProblem.NotFound($"secret '{name}' does not exist");
            }

            await runtime.SecretsChangedAsync(ct);
            return Results.NoContent();
        });
    }
}
