namespace Airlock.Core.Tokens;

/// <summary>Who a valid session token speaks for: the agent, the user it acts for (if any), and the session.</summary>
public sealed record SessionPrincipal(
    string SessionId,
    string AgentId,
    string? UserId,
    string TokenId,
    DateTimeOffset ExpiresAt,
    string IntentHash);
