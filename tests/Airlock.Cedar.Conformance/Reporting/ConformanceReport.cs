using System.Globalization;
using Airlock.Cedar.Conformance.Checking;

namespace Airlock.Cedar.Conformance.Reporting;

/// <summary>The judged results of a conformance run, and their summary.</summary>
/// <param name="Results">One result per test, in corpus order.</param>
/// <param name="AllowList">The tests whose failures are not counted.</param>
/// <param name="Corpus">Where the tests came from.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record ConformanceReport(IReadOnlyList<CorpusTestResult> Results, AllowList AllowList, string Corpus, TimeSpan Elapsed)
{
    /// <summary>Checks that passed, in every test.</summary>
    public int Passed => Results.Sum(r => r.Checks.Count(c => c.Passed));

    /// <summary>Checks that failed, in tests not on the allow-list.</summary>
    public int Failed => Counted.Sum(r => r.Checks.Count(c => !c.Passed));

    /// <summary>Failed checks excused by the allow-list.</summary>
    public int Excused => Results.Where(r => r.AllowListed).Sum(r => r.Checks.Count(c => !c.Passed));

    private IEnumerable<CorpusTestResult> Counted => Results.Where(r => !r.AllowListed);

    /// <summary>Writes the summary; its last line is exactly <c>N passed, N failed</c>.</summary>
    public void Write(TextWriter output, int examplesPerKind = 3)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failedTests = Counted.Where(r => !r.Passed).ToArray();
        var failures = failedTests.SelectMany(r => r.Checks.Where(c => !c.Passed).Select(c => (r.Test, Check: c))).ToArray();
        output.WriteLine(Invariant($"Cedar conformance over {Corpus}: {Results.Count} tests, {Results.Sum(r => r.Checks.Count)} checks (validation + requests) in {Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(Invariant($"tests: {Results.Count - failedTests.Length} passed, {failedTests.Length} failed"));
        if (failures.Length > 0)
        {
            output.WriteLine("failed checks by what differs (a check may differ in several ways):");
            foreach (var group in failures.SelectMany(f => f.Check.Kinds.Select(k => (Kind: k, f.Test))).GroupBy(f => f.Kind).OrderByDescending(g => g.Count()))
            {
                output.WriteLine(Invariant($"  {group.Key,-18} {group.Count(),6} checks in {group.Select(g => g.Test.Path).Distinct().Count(),5} tests"));
            }

            output.WriteLine("failed checks by test folder:");
            foreach (var group in failures.GroupBy(f => f.Test.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine(Invariant($"  {group.Key,-30} {group.Count(),6} checks in {group.Select(g => g.Test.Path).Distinct().Count(),5} tests"));
            }

            output.WriteLine(Invariant($"failed tests ({Math.Min(failedTests.Length, 100)} of {failedTests.Length}):"));
            foreach (var result in failedTests.Take(100))
            {
                var kinds = result.Checks.SelectMany(c => c.Kinds).Distinct().Order();
                output.WriteLine(Invariant($"  {result.Test.Path}: {result.Checks.Count(c => !c.Passed)} of {result.Checks.Count} checks failed ({string.Join(", ", kinds)})"));
            }

            WriteExamples(output, failures, examplesPerKind);
        }

        WriteAllowList(output);
        output.WriteLine(Invariant($"{Passed} passed, {Failed} failed"));
    }

    // A few failures of each kind, from different tests, with enough to reproduce them by hand.
    private static void WriteExamples(TextWriter output, (Corpus.CorpusTest Test, CheckResult Check)[] failures, int perKind)
    {
        output.WriteLine("examples:");
        foreach (var kind in failures.Select(f => f.Check.Kinds[0]).Distinct().Order())
        {
            foreach (var (test, check) in failures.Where(f => f.Check.Kinds[0] == kind).DistinctBy(f => f.Test.Path).Take(perKind))
            {
                output.WriteLine($"- [{string.Join("+", check.Kinds)}] {test.Path}" + (check.Request is null ? " (validation)" : $" request \"{check.Request}\""));
                output.WriteLine($"    policies: {test.PoliciesPath}, schema: {test.SchemaPath}, entities: {test.EntitiesPath}");
                if (test.Policies.Length is > 0 and <= 600)
                {
                    output.WriteLine("    policy text: " + test.Policies.ReplaceLineEndings(" ").Trim());
                }

                output.WriteLine($"    expected: {check.Expected}");
                output.WriteLine($"    actual:   {check.Actual}");
                foreach (var message in check.Messages.Take(4))
                {
                    output.WriteLine("    | " + Shorten(message.ReplaceLineEndings(" ")));
                }
            }
        }
    }

    private void WriteAllowList(TextWriter output)
    {
        foreach (var (path, reason) in AllowList.Entries)
        {
            var result = Results.FirstOrDefault(r => r.Test.Path == path);
            var state = result is null ? "not in this corpus" : result.Passed ? "passes now: remove it" : Invariant($"{result.Checks.Count(c => !c.Passed)} failed checks, not counted");
            output.WriteLine($"allow-listed: {path} ({reason}): {state}");
        }
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "...";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
