namespace Airlock.Core.Policies;

/// <summary>
/// The decision on one call. <see cref="DeniedReason"/> is what the agent is told: the determining forbid's
/// <c>@reason</c>, or a plain sentence when no policy permits; never the text of other policies.
/// </summary>
public sealed record CallDecision(
    bool Allowed,
    IReadOnlyList<string> DeterminingPolicies,
    IReadOnlyList<string> Errors,
    string? DeniedReason);
