using Airlock.Cedar.Conformance.Corpus;

namespace Airlock.Cedar.Conformance.Checking;

/// <summary>The checks of one test: its validation check first, then one per request.</summary>
/// <param name="Test">The test.</param>
/// <param name="Checks">Every check, passed or failed.</param>
/// <param name="AllowListed">True when the allow-list excuses this test's failures.</param>
public sealed record CorpusTestResult(CorpusTest Test, IReadOnlyList<CheckResult> Checks, bool AllowListed)
{
    public bool Passed => Checks.All(c => c.Passed);
}
