namespace Airlock.Core.Sessions;

/// <summary>
/// A session: one agent acting for (at most) one user on one declared intent, until it expires or is revoked.
/// The intent text is kept so operators can read it; tokens carry only its hash.
/// </summary>
public sealed record Session(
    string Id,
    string AgentId,
    string? UserId,
    string Intent,
    IReadOnlyList<string> Scope,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedReason)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsLiveAt(DateTimeOffset now) => !IsRevoked && now < ExpiresAt;
}
