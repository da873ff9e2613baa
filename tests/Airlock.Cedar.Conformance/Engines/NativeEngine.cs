using Airlock.Cedar.Conformance.Corpus;

namespace Airlock.Cedar.Conformance.Engines;

/// <summary>Airlock.Cedar under test. Placeholder until the engine's façade lands on main.</summary>
public sealed class NativeEngine : IConformanceEngine
{
    public TestObservation Run(CorpusTest test) =>
        throw new NotSupportedException("Airlock.Cedar's authorizer is not on this branch yet; use --engine oracle");

    public void Dispose()
    {
    }
}
