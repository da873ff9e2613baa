using Airlock.Benchmarks.Workload;
using Airlock.Cedar;
using Airlock.Cedar.Schemas;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>
/// Loading what the gateway loads at start and on every reload: 1,000 policies (parsed, and parsed then validated
/// against the shipped schema in strict mode), and the entity store from JSON.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string text = string.Empty;
    private string entitiesJson = string.Empty;
    private Validator validator = null!;
    private PolicySet parsed = PolicySet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        text = AirlockWorkload.Shared.PolicyText(1000);
        entitiesJson = CedarJsonWriter.Entities(AirlockWorkload.Shared.EntityList);
        // The schema is loaded once per process; policy sets are what gets reloaded.
        validator = new Validator(Schema.Parse(AirlockSchema.Text));
        parsed = PolicySet.Parse(text);
        var result = validator.Validate(parsed);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                $"the workload should validate, got {result.Errors.Count} errors, e.g. {result.Errors[0]}");
        }
    }

    [Benchmark]
    public PolicySet Parse1000() => PolicySet.Parse(text);

    [Benchmark]
    public ValidationResult ParseAndValidate1000() => validator.Validate(PolicySet.Parse(text));

    // Validation alone, to tell its share of ParseAndValidate1000 from the parser's.
    [Benchmark]
    public ValidationResult Validate1000() => validator.Validate(parsed);

    // The workload's 465 entities in Cedar JSON, through the reader and the ancestor closure.
    [Benchmark]
    public Entities LoadEntities() => Entities.FromJson(entitiesJson);
}
