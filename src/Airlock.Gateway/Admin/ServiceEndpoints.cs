using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

internal static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var store = runtime.Store.Services;
        app.MapGet("/v1/services", async (CancellationToken ct) =>
            Results.Json((await store.ListAsync(ct)).Select(ServiceView.From), ApiJson.Options));

        app.MapGet("/v1/services/{name}", async (string name, CancellationToken ct) =>
            await store.GetAsync(name, ct) is { } service
                ? Results.Json(ServiceView.From(service), ApiJson.Options)
                : throw ApiProblem.NotFound($"service '{name}' does not exist"));

        app.MapPost("/v1/services", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<CreateServiceBody>(request, ct);
            var service = await runtime.Services.AddAsync(body.ToSpec(), "api", ct);
            return Results.Json(ServiceView.From(service), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });

        app.MapDelete("/v1/services/{name}", async (string name, CancellationToken ct) =>
        {
            await runtime.Services.RemoveAsync(name, ct);
            runtime.OAuth2Tokens.Invalidate(name);
            return Results.NoContent();
        });
    }
}
