using Airlock.Cedar.Conformance;
using Airlock.Cedar.Conformance.Engines;
using Airlock.Cedar.Conformance.Reporting;

namespace Airlock.Cedar.Tests.Conformance;

/// <summary>Airlock.Cedar against every test and request of the official Cedar 4.10 corpus (development split).</summary>
public class CorpusConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void OfficialCorpus_EveryValidationAndRequest_MatchesTheExpectedAnswer()
    {
        var report = ConformanceRunner.Run(
            ConformanceOptions.DefaultCorpus,
            () => new NativeEngine(),
            AllowList.Load(ConformanceOptions.DefaultAllowList),
            Environment.ProcessorCount);

        var summary = new StringWriter();
        report.Write(summary, examplesPerKind: 3);
        output.WriteLine(summary.ToString());
        Assert.True(report.Failed == 0, summary.ToString());
        Assert.True(report.Passed > 40_000, $"only {report.Passed} checks ran: is the whole corpus there?");
    }
}
