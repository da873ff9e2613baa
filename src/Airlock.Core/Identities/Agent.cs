namespace Airlock.Core.Identities;

/// <summary>A registered agent. A disabled agent can start no session and its live sessions stop working.</summary>
public sealed record Agent(
    string Id,
    string Description,
    IReadOnlyList<string> Groups,
    bool Enabled,
    DateTimeOffset CreatedAt);
