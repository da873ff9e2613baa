using Airlock.Core;
using Airlock.Core.Budgets;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>
/// Budgets per session, agent and user: their limits and, for any subject, current usage and spend. Spend is recorded
/// for every subject a call is charged to, so <c>GET</c> answers for subjects without limits too.
/// </summary>
internal static class BudgetEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var ledger = runtime.Budgets;
        app.MapGet("/v1/budgets", async (CancellationToken ct) =>
            Results.Json((await ledger.ListLimitsAsync(ct)).Select(BudgetLimitsView.From), ApiJson.Options));

        app.MapGet("/v1/budgets/{scope}/{id}", async (string scope, string id, CancellationToken ct) =>
        {
            var subject = Subject(scope, id);
            if (subject.IsDefault)
            {
                return Results.Json(BudgetView.Default(subject, await ledger.GetLimitsAsync(subject, ct)), ApiJson.Options);
            }

            if (!Names.IsValidIdentifier(id))
            {
                throw ControlPlaneException.Invalid("id", $"must be {Names.IdentifierRule}, or * for the default of every {scope}");
            }

            return Results.Json(BudgetView.From(await ledger.GetUsageAsync(subject, ct)), ApiJson.Options);
        });

        app.MapPut("/v1/budgets/{scope}/{id}", async (string scope, string id, HttpRequest request, CancellationToken ct) =>
        {
            var subject = Subject(scope, id);
            var body = await RequestBody.ReadAsync<PutBudgetBody>(request, ct);
            var (_, created) = await ledger.SetLimitsAsync(subject, body.ToLimits(subject), ct);
            var view = subject.IsDefault
                ? BudgetView.Default(subject, await ledger.GetLimitsAsync(subject, ct))
                : BudgetView.From(await ledger.GetUsageAsync(subject, ct));
            return Results.Json(view, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        app.MapDelete("/v1/budgets/{scope}/{id}", async (string scope, string id, CancellationToken ct) =>
        {
            await ledger.RemoveLimitsAsync(Subject(scope, id), ct);
            return Results.NoContent();
        });
    }

    private static BudgetSubject Subject(string scope, string id) =>
        BudgetSubject.TryParseScope(scope, out var parsed)
            ? new BudgetSubject(parsed, id)
            : throw ApiProblem.NotFound($"there is no budget scope '{scope}'; the scopes are session, agent and user");
}
