using Airlock.Cedar.Conformance.Corpus;

namespace Airlock.Cedar.Conformance.Engines;

/// <summary>A Cedar implementation under test. One instance serves one worker thread at a time.</summary>
public interface IConformanceEngine : IDisposable
{
    /// <summary>Runs one test the way the official harness does, reporting what happened rather than judging it.</summary>
    TestObservation Run(CorpusTest test);
}
