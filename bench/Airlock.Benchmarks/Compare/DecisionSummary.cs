using Airlock.Cedar;

namespace Airlock.Benchmarks.Compare;

/// <summary>What both engines must agree on for a request: the decision, the determining policies and the erroring policies.</summary>
internal sealed record DecisionSummary(string Decision, IReadOnlyList<string> Reasons, IReadOnlyList<string> ErroredPolicies)
{
    public static DecisionSummary Of(AuthorizationResponse response) => new(
        response.IsAllowed ? "allow" : "deny",
        [.. response.DeterminingPolicies.Order(StringComparer.Ordinal)],
        [.. response.Errors.Select(e => e.PolicyId).Order(StringComparer.Ordinal)]);

    public bool SameAs(DecisionSummary other) =>
        Decision == other.Decision && Reasons.SequenceEqual(other.Reasons) && ErroredPolicies.SequenceEqual(other.ErroredPolicies);

    public override string ToString() =>
        $"{Decision} [{string.Join(", ", Reasons)}]" + (ErroredPolicies.Count > 0 ? $" errors [{string.Join(", ", ErroredPolicies)}]" : string.Empty);
}
