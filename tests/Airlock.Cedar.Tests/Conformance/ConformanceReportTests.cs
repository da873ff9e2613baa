using Airlock.Cedar.Conformance.Checking;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Reporting;

namespace Airlock.Cedar.Tests.Conformance;

public class ConformanceReportTests
{
    [Fact]
    public void Write_WithFailures_EndsWithTheTotalsLine()
    {
        var report = new ConformanceReport([Result("dev/a.json", passed: true), Result("dev/b.json", passed: false)], AllowList.Empty, "corpus", TimeSpan.Zero);

        var lines = Render(report);

        Assert.Equal("1 passed, 1 failed", lines[^1]);
        Assert.Contains(lines, l => l.Contains("Decision", StringComparison.Ordinal) && l.Contains("1 checks in", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AllowListedFailure_IsReportedButNotCounted()
    {
        using var file = new TempCorpus(new Dictionary<string, string> { ["allow.txt"] = "dev/b.json # known gap\n" });
        var allowList = AllowList.Load(Path.Combine(file.Root, "allow.txt"));
        var report = new ConformanceReport([Result("dev/b.json", passed: false, allowList.Contains("dev/b.json"))], allowList, "corpus", TimeSpan.Zero);

        var lines = Render(report);

        Assert.Equal(0, report.Failed);
        Assert.Equal(1, report.Excused);
        Assert.Equal("0 passed, 0 failed", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("allow-listed: dev/b.json (known gap)", StringComparison.Ordinal));
    }

    [Fact]
    public void AllowList_EntryWithoutReason_IsRefused()
    {
        using var file = new TempCorpus(new Dictionary<string, string> { ["allow.txt"] = "# header\ndev/b.json\n" });

        Assert.Throws<FormatException>(() => AllowList.Load(Path.Combine(file.Root, "allow.txt")));
    }

    private static string[] Render(ConformanceReport report)
    {
        var text = new StringWriter();
        report.Write(text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static CorpusTestResult Result(string path, bool passed, bool allowListed = false)
    {
        var test = new CorpusTest(path, "p", "permit(principal, action, resource);", "s", string.Empty, false, "e", "[]", true, [], null);
        FailureKind[] kinds = passed ? [] : [FailureKind.Decision];
        return new CorpusTestResult(test, [new CheckResult("r", kinds, "allow", passed ? "allow" : "deny", [])], allowListed);
    }
}
