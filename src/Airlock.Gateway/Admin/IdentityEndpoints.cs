using Airlock.Core;
using Airlock.Core.Identities;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>Agents and the users they act for.</summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var identities = runtime.Store.Identities;
        app.MapGet("/v1/agents", async (CancellationToken ct) =>
            Results.Json((await identities.ListAgentsAsync(ct)).Select(AgentView.From), ApiJson.Options));

        app.MapGet("/v1/agents/{id}", async (string id, CancellationToken ct) =>
            Results.Json(AgentView.From(await GetAgentAsync(id, ct)), ApiJson.Options));

        app.MapPost("/v1/agents", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<CreateAgentBody>(request, ct);
            var errors = new List<FieldError>();
            if (!Names.IsValidIdentifier(body.Id))
            {
                errors.Add(new("id", $"must be {Names.IdentifierRule}"));
            }

            if (body.Description is { Length: > 1024 })
            {
                errors.Add(new("description", "is longer than 1024 characters"));
            }

            var groups = ValidGroups(body.Groups, errors);
            ThrowIfAny(errors);
            var agent = new Agent(body.Id, body.Description ?? string.Empty, groups, Enabled: true, runtime.Time.GetUtcNow());
            if (!await identities.TryAddAgentAsync(agent, ct))
            {
                throw new ControlPlaneException(ControlPlaneError.Conflict, $"agent '{body.Id}' already exists");
            }

            runtime.Sessions.AgentChanged(agent);
            return Results.Json(AgentView.From(agent), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        });

        app.MapPost("/v1/agents/{id}/disable", (string id, CancellationToken ct) => SetEnabledAsync(id, false, ct));
        app.MapPost("/v1/agents/{id}/enable", (string id, CancellationToken ct) => SetEnabledAsync(id, true, ct));

        app.MapGet("/v1/users", async (CancellationToken ct) =>
            Results.Json((await identities.ListUsersAsync(ct)).Select(UserView.From), ApiJson.Options));

        app.MapPut("/v1/users/{id}", async (string id, HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<PutUserBody>(request, ct);
            var errors = new List<FieldError>();
            if (!Names.IsValidIdentifier(id))
            {
                errors.Add(new("id", $"must be {Names.IdentifierRule}"));
            }

            var groups = ValidGroups(body.Groups, errors);
            ThrowIfAny(errors);
            var existing = await identities.GetUserAsync(id, ct);
            var user = new User(id, groups, existing?.CreatedAt ?? runtime.Time.GetUtcNow());
            var created = await identities.UpsertUserAsync(user, ct);
            runtime.Sessions.UserChanged(user);
            return Results.Json(UserView.From(user), ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        async Task<Agent> GetAgentAsync(string id, CancellationToken ct) =>
            await identities.GetAgentAsync(id, ct) ?? throw ControlPlaneException.NotFound("agent", id);

        async Task<IResult> SetEnabledAsync(string id, bool enabled, CancellationToken ct)
        {
            if (!await identities.SetAgentEnabledAsync(id, enabled, ct))
            {
                throw ControlPlaneException.NotFound("agent", id);
            }

            // Before answering, so the change holds for the very next data-plane call.
            var agent = await GetAgentAsync(id, ct);
            runtime.Sessions.AgentChanged(agent);
            return Results.Json(AgentView.From(agent), ApiJson.Options);
        }
    }

    private static string[] ValidGroups(IReadOnlyList<string>? groups, List<FieldError> errors)
    {
        groups ??= [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (!Names.IsValidIdentifier(groups[i]))
            {
                errors.Add(new($"groups[{i}]", $"must be {Names.IdentifierRule}"));
            }
        }

        if (groups.Count > 64)
        {
            errors.Add(new("groups", "has more than 64 entries"));
        }

        return groups.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw ControlPlaneException.Invalid(errors);
        }
    }
}
