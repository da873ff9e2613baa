namespace Airlock.Core.Secrets;

/// <summary>What may be said about a secret without its value.</summary>
public sealed record SecretSummary(
    string Name,
    int CurrentVersion,
    int VersionCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
