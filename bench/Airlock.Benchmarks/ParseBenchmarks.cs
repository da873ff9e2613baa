using Airlock.Benchmarks.Workload;
using Airlock.Cedar;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>Loading what the gateway loads at start and on every reload: 1,000 policies, and the entity store from JSON.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string text = string.Empty;
    private string entitiesJson = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        text = AirlockWorkload.Shared.PolicyText(1000);
        entitiesJson = CedarJsonWriter.Entities(AirlockWorkload.Shared.EntityList);
    }

    [Benchmark]
    public PolicySet Parse1000() => PolicySet.Parse(text);

    // The workload's 465 entities in Cedar JSON, through the reader and the ancestor closure.
    [Benchmark]
    public Entities LoadEntities() => Entities.FromJson(entitiesJson);
}
