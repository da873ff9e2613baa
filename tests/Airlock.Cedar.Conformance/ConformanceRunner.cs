using Airlock.Cedar.Conformance.Checking;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Engines;
using Airlock.Cedar.Conformance.Reporting;

namespace Airlock.Cedar.Conformance;

/// <summary>Runs every test of a corpus through an engine on several workers and judges the results.</summary>
public static class ConformanceRunner
{
    /// <summary>Loads a corpus folder or <c>.tar.gz</c> and runs all its tests.</summary>
    public static ConformanceReport Run(string corpus, Func<IConformanceEngine> engineFactory, AllowList allowList, int workers)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var tests = CorpusReader.ReadTests(CorpusFiles.Load(corpus));
        return Run(tests, engineFactory, allowList, workers) with { Corpus = corpus, Elapsed = started.Elapsed };
    }

    /// <summary>Runs the given tests; each worker owns one engine and takes the next test until none is left.</summary>
    public static ConformanceReport Run(IReadOnlyList<CorpusTest> tests, Func<IConformanceEngine> engineFactory, AllowList allowList, int workers)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(engineFactory);
        ArgumentNullException.ThrowIfNull(allowList);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var results = new CorpusTestResult[tests.Count];
        var next = -1;
        var threads = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(() =>
        {
            using var engine = engineFactory();
            for (var i = Interlocked.Increment(ref next); i < tests.Count; i = Interlocked.Increment(ref next))
            {
                var test = tests[i];
                var observation = test.LoadError is null ? engine.Run(test) : TestObservation.Failed(new EngineFailure(FailureKind.TestFile, [test.LoadError]));
                results[i] = new CorpusTestResult(test, Checker.Check(test, observation), allowList.Contains(test.Path));
            }
        })).ToArray();
        Task.WaitAll(threads);
        return new ConformanceReport(results, allowList, "(given tests)", started.Elapsed);
    }
}
