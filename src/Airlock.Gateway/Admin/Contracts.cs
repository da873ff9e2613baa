using Airlock.Core.AdminTokens;
using Airlock.Core.Identities;
using Airlock.Core.Secrets;
using Airlock.Core.Llm;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Core.Tokens;

namespace Airlock.Gateway.Admin;

// The admin API's request and response bodies, exactly as docs/admin-api.md describes them.

public sealed record CreateSecretBody(string Name, string Value);

public sealed record RotateSecretBody(string Value);

public sealed record SecretView(string Name, int Version, int Versions, DateTimeOffset Created, DateTimeOffset Updated)
{
    public static SecretView From(SecretSummary s) => new(s.Name, s.CurrentVersion, s.VersionCount, s.CreatedAt, s.UpdatedAt);
}

public sealed record CreateServiceBody(
    string Name,
    string Url,
    string? Description = null,
    CredentialBinding? Credential = null,
    bool PolicyBody = false,
    LlmSettings? Llm = null)
{
    public ServiceSpec ToSpec() => new(Name, Url, Description, Credential, PolicyBody, Llm);
}

public sealed record ServiceView(string Name, string Url, string Description, CredentialBinding Credential, string Source, DateTimeOffset Created, bool PolicyBody, LlmSettings? Llm)
{
    public static ServiceView From(ServiceDefinition s) =>
        new(s.Name, s.BaseUrl.ToString(), s.Description, s.Credential, s.Source, s.CreatedAt, s.PolicyBody, s.Llm);
}

public sealed record CreateAgentBody(string Id, string? Description = null, IReadOnlyList<string>? Groups = null);

public sealed record AgentView(string Id, string Description, IReadOnlyList<string> Groups, bool Enabled, DateTimeOffset Created)
{
    public static AgentView From(Agent a) => new(a.Id, a.Description, a.Groups, a.Enabled, a.CreatedAt);
}

public sealed record PutUserBody(IReadOnlyList<string>? Groups = null);

public sealed record UserView(string Id, IReadOnlyList<string> Groups, DateTimeOffset Created)
{
    public static UserView From(User u) => new(u.Id, u.Groups, u.CreatedAt);
}

public sealed record StartSessionBody(string Agent, string Intent, string? User = null, IReadOnlyList<string>? Scope = null, long? TtlSeconds = null);

public sealed record SessionView(
    string Id,
    string Agent,
    string? User,
    string Intent,
    IReadOnlyList<string> Scope,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    DateTimeOffset? Revoked,
    string? RevokedReason,
    string Status)
{
    public static SessionView From(Session s, DateTimeOffset now) => new(
        s.Id, s.AgentId, s.UserId, s.Intent, s.Scope, s.CreatedAt, s.ExpiresAt, s.RevokedAt, s.RevokedReason,
        s.IsRevoked ? "revoked" : now >= s.ExpiresAt ? "expired" : "active");
}

public sealed record StartedSessionView(string Token, SessionView Session, DateTimeOffset Expires);

public sealed record RevokeSessionBody(string? Reason = null);

public sealed record RevokeSessionsBody(string? Agent = null, string? User = null, string? Reason = null);

public sealed record RevokedView(IReadOnlyList<string> Revoked);

public sealed record CreateAdminTokenBody(string Name, long TtlSeconds);

public sealed record CreatedAdminTokenView(string Token, string Id, string Name, DateTimeOffset Created, DateTimeOffset? Expires);

public sealed record AdminTokenView(string Id, string Name, bool Root, DateTimeOffset Created, DateTimeOffset? Expires, DateTimeOffset? Revoked)
{
    public static AdminTokenView From(AdminToken t) => new(t.Id, t.Name, t.IsRoot, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}

public sealed record SigningKeyView(string Kid, string Alg, DateTimeOffset Created, DateTimeOffset? Retired, DateTimeOffset? VerifyUntil, bool Active)
{
    public static SigningKeyView From(SigningKeyRecord k, string activeKid) =>
        new(k.KeyId, k.Algorithm, k.CreatedAt, k.RetiredAt, k.VerifyUntil, k.KeyId == activeKid);
}
