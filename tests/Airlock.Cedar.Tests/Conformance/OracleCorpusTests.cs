using Airlock.Cedar.Conformance;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Engines;
using Airlock.Cedar.Conformance.Reporting;

namespace Airlock.Cedar.Tests.Conformance;

/// <summary>
/// The reference engine (cedar-wasm in node) over a sample of the corpus: proves the oracle the differential
/// tester trusts is installed, pinned and wired correctly. The whole corpus takes minutes; run it with
/// <c>dotnet run --project tests/Airlock.Cedar.Conformance -c Release -- --engine oracle</c>.
/// </summary>
public class OracleCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Oracle_OnCorpusSample_ReproducesEveryExpectationExceptUnsafeIntegers()
    {
        var tests = CorpusReader.ReadTests(CorpusFiles.Load(ConformanceOptions.DefaultCorpus));
        // Every hand-written test, and every 25th generated one.
        var sample = tests.Where((t, i) => !t.Path.Contains("corpus-tests/", StringComparison.Ordinal) || i % 25 == 0).ToArray();

        var report = ConformanceRunner.Run(sample, () => new OracleEngine(), AllowList.Empty, Environment.ProcessorCount);

        var summary = new StringWriter();
        report.Write(summary, examplesPerKind: 2);
        output.WriteLine(summary.ToString());
        var unexplained = report.Results.Where(r => !r.Passed && !JavaScriptNumbers.HasUnsafeIntegers(r.Test)).Select(r => r.Test.Path).ToArray();
        Assert.True(unexplained.Length == 0, $"the oracle disagrees with the corpus on {string.Join(", ", unexplained)}\n{summary}");
        Assert.True(report.Passed > 2_000, $"only {report.Passed} checks passed");
    }
}
