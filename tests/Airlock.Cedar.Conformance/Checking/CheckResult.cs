namespace Airlock.Cedar.Conformance.Checking;

/// <summary>One check: a test's validation result, or one of its requests.</summary>
/// <param name="Request">The request's description, or null for the validation check.</param>
/// <param name="Kinds">What differs; empty when the check passed.</param>
/// <param name="Expected">The expected outcome, rendered for the report.</param>
/// <param name="Actual">The engine's outcome, rendered for the report.</param>
/// <param name="Messages">What the engine said (parse errors, validation errors, evaluation errors).</param>
public sealed record CheckResult(
    string? Request,
    IReadOnlyList<FailureKind> Kinds,
    string Expected,
    string Actual,
    IReadOnlyList<string> Messages)
{
    public bool Passed => Kinds.Count == 0;
}
