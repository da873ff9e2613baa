namespace Airlock.Core.Identities;

/// <summary>A user an agent may act for. Policies see the user's groups as parents of the user entity.</summary>
public sealed record User(
    string Id,
    IReadOnlyList<string> Groups,
    DateTimeOffset CreatedAt);
