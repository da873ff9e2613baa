using System.Text.Json.Nodes;
using Airlock.Cli.AdminApi.Models;

namespace Airlock.Cli.AdminApi;

/// <summary>One method per admin API route, in the order of docs/admin-api.md.</summary>
internal sealed partial class AdminApiClient
{
    public Task<AdminResponse<List<SecretInfo>>> ListSecretsAsync(CancellationToken ct) =>
        SendAsync<List<SecretInfo>>(HttpMethod.Get, "/v1/secrets", null, ct);

    public Task<AdminResponse<SecretInfo>> PutSecretAsync(string name, string value, CancellationToken ct) =>
        SendAsync<SecretInfo>(HttpMethod.Post, "/v1/secrets", new JsonObject { ["name"] = name, ["value"] = value }, ct);

    public Task<AdminResponse<SecretInfo>> RotateSecretAsync(string name, string value, CancellationToken ct) =>
        SendAsync<SecretInfo>(HttpMethod.Post, $"/v1/secrets/{Segment(name)}/rotate", new JsonObject { ["value"] = value }, ct);

    public Task DeleteSecretAsync(string name, CancellationToken ct) =>
        SendNoContentAsync(HttpMethod.Delete, $"/v1/secrets/{Segment(name)}", ct);

    public Task<AdminResponse<List<ServiceInfo>>> ListServicesAsync(CancellationToken ct) =>
        SendAsync<List<ServiceInfo>>(HttpMethod.Get, "/v1/services", null, ct);

    public Task<AdminResponse<ServiceInfo>> GetServiceAsync(string name, CancellationToken ct) =>
        SendAsync<ServiceInfo>(HttpMethod.Get, $"/v1/services/{Segment(name)}", null, ct);

    public Task<AdminResponse<ServiceInfo>> AddServiceAsync(string name, Uri url, string? description, JsonObject credential, bool policyBody, JsonObject? llm, CancellationToken ct)
    {
        var body = new JsonObject { ["name"] = name, ["url"] = url.OriginalString };
        if (description is not null)
        {
            body["description"] = description;
        }

        body["credential"] = credential;
        if (policyBody)
        {
            body["policy_body"] = true;
        }

        if (llm is not null)
        {
            body["llm"] = llm;
        }

        return SendAsync<ServiceInfo>(HttpMethod.Post, "/v1/services", body, ct);
    }

    public Task RemoveServiceAsync(string name, CancellationToken ct) =>
        SendNoContentAsync(HttpMethod.Delete, $"/v1/services/{Segment(name)}", ct);

    public Task<AdminResponse<List<AgentInfo>>> ListAgentsAsync(CancellationToken ct) =>
        SendAsync<List<AgentInfo>>(HttpMethod.Get, "/v1/agents", null, ct);

    public Task<AdminResponse<AgentInfo>> GetAgentAsync(string id, CancellationToken ct) =>
        SendAsync<AgentInfo>(HttpMethod.Get, $"/v1/agents/{Segment(id)}", null, ct);

    public Task<AdminResponse<AgentInfo>> AddAgentAsync(string id, string? description, IReadOnlyList<string> groups, CancellationToken ct)
    {
        var body = new JsonObject { ["id"] = id };
        if (description is not null)
        {
            body["description"] = description;
        }

        if (groups.Count > 0)
        {
            body["groups"] = Array(groups);
        }

        return SendAsync<AgentInfo>(HttpMethod.Post, "/v1/agents", body, ct);
    }

    public Task<AdminResponse<AgentInfo>> SetAgentEnabledAsync(string id, bool enabled, CancellationToken ct) =>
        SendAsync<AgentInfo>(HttpMethod.Post, $"/v1/agents/{Segment(id)}/{(enabled ? "enable" : "disable")}", null, ct);

    public Task<AdminResponse<List<UserInfo>>> ListUsersAsync(CancellationToken ct) =>
        SendAsync<List<UserInfo>>(HttpMethod.Get, "/v1/users", null, ct);

    public Task<AdminResponse<UserInfo>> PutUserAsync(string id, IReadOnlyList<string> groups, CancellationToken ct)
    {
        // Always sent, so the user ends up with exactly these groups whether or not it existed.
        var body = new JsonObject { ["groups"] = Array(groups) };
        return SendAsync<UserInfo>(HttpMethod.Put, $"/v1/users/{Segment(id)}", body, ct);
    }

    public Task<AdminResponse<SessionStarted>> StartSessionAsync(
        string agent, string? user, string intent, IReadOnlyList<string> scope, TimeSpan? ttl, CancellationToken ct)
    {
        var body = new JsonObject { ["agent"] = agent };
        if (user is not null)
        {
            body["user"] = user;
        }

        body["intent"] = intent;
        if (scope.Count > 0)
        {
            body["scope"] = Array(scope);
        }

        if (ttl is { } t)
        {
            body["ttl_seconds"] = (long)t.TotalSeconds;
        }

        return SendAsync<SessionStarted>(HttpMethod.Post, "/v1/sessions", body, ct);
    }

    public Task<AdminResponse<List<SessionInfo>>> ListSessionsAsync(string? agent, string? user, bool all, CancellationToken ct)
    {
        var query = new List<string>();
        if (agent is not null)
        {
            query.Add($"agent={Uri.EscapeDataString(agent)}");
        }

        if (user is not null)
        {
            query.Add($"user={Uri.EscapeDataString(user)}");
        }

        if (all)
        {
            query.Add("all=true");
        }

        var path = query.Count == 0 ? "/v1/sessions" : $"/v1/sessions?{string.Join('&', query)}";
        return SendAsync<List<SessionInfo>>(HttpMethod.Get, path, null, ct);
    }

    public Task<AdminResponse<SessionInfo>> GetSessionAsync(string id, CancellationToken ct) =>
        SendAsync<SessionInfo>(HttpMethod.Get, $"/v1/sessions/{Segment(id)}", null, ct);

    public Task<AdminResponse<RevokedSessions>> RevokeSessionAsync(string id, string? reason, CancellationToken ct) =>
        SendAsync<RevokedSessions>(HttpMethod.Post, $"/v1/sessions/{Segment(id)}/revoke", WithReason(new JsonObject(), reason), ct);

    public Task<AdminResponse<RevokedSessions>> RevokeSessionsAsync(string? agent, string? user, string? reason, CancellationToken ct)
    {
        var body = agent is not null ? new JsonObject { ["agent"] = agent } : new JsonObject { ["user"] = user };
        return SendAsync<RevokedSessions>(HttpMethod.Post, "/v1/sessions/revoke", WithReason(body, reason), ct);
    }

    public Task<AdminResponse<AdminTokenCreated>> CreateTokenAsync(string name, TimeSpan ttl, CancellationToken ct) =>
        SendAsync<AdminTokenCreated>(HttpMethod.Post, "/v1/admin-tokens", new JsonObject { ["name"] = name, ["ttl_seconds"] = (long)ttl.TotalSeconds }, ct);

    public Task<AdminResponse<List<AdminTokenInfo>>> ListTokensAsync(CancellationToken ct) =>
        SendAsync<List<AdminTokenInfo>>(HttpMethod.Get, "/v1/admin-tokens", null, ct);

    public Task RevokeTokenAsync(string idOrName, CancellationToken ct) =>
        SendNoContentAsync(HttpMethod.Delete, $"/v1/admin-tokens/{Segment(idOrName)}", ct);

    public Task<AdminResponse<List<SigningKeyInfo>>> ListSigningKeysAsync(CancellationToken ct) =>
        SendAsync<List<SigningKeyInfo>>(HttpMethod.Get, "/v1/signing-keys", null, ct);

    public Task<AdminResponse<SigningKeyInfo>> RotateSigningKeyAsync(CancellationToken ct) =>
        SendAsync<SigningKeyInfo>(HttpMethod.Post, "/v1/signing-keys/rotate", null, ct);

    public Task<AdminResponse<List<BudgetLimitsInfo>>> ListBudgetsAsync(CancellationToken ct) =>
        SendAsync<List<BudgetLimitsInfo>>(HttpMethod.Get, "/v1/budgets", null, ct);

    public Task<AdminResponse<BudgetInfo>> GetBudgetAsync(string scope, string id, CancellationToken ct) =>
        SendAsync<BudgetInfo>(HttpMethod.Get, $"/v1/budgets/{Segment(scope)}/{Segment(id)}", null, ct);

    public Task<AdminResponse<BudgetInfo>> PutBudgetAsync(string scope, string id, JsonObject limits, CancellationToken ct) =>
        SendAsync<BudgetInfo>(HttpMethod.Put, $"/v1/budgets/{Segment(scope)}/{Segment(id)}", limits, ct);

    public Task RemoveBudgetAsync(string scope, string id, CancellationToken ct) =>
        SendNoContentAsync(HttpMethod.Delete, $"/v1/budgets/{Segment(scope)}/{Segment(id)}", ct);

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)v)];

    private static JsonObject WithReason(JsonObject body, string? reason)
    {
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        return body;
    }
}
