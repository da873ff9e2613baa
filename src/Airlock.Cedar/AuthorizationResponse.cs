namespace Airlock.Cedar;

/// <summary>The decision, the policies that determined it, and the policies that errored.</summary>
public sealed class AuthorizationResponse(Decision decision, IReadOnlyList<string> determiningPolicies, IReadOnlyList<PolicyEvaluationError> errors)
{
    public Decision Decision { get; } = decision;

    /// <summary>The satisfied forbid policies for a deny, the satisfied permit policies for an allow (empty for a default deny).</summary>
    public IReadOnlyList<string> DeterminingPolicies { get; } = determiningPolicies;

    /// <summary>Policies skipped because their condition raised an error.</summary>
    public IReadOnlyList<PolicyEvaluationError> Errors { get; } = errors;

    public bool IsAllowed => Decision == Decision.Allow;
}
