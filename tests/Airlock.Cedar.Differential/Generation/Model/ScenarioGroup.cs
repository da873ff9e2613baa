namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>Cases sharing one schema and one set of entities (parsed once per group on each side).</summary>
/// <param name="Seed">The group's own seed: regenerates exactly this group.</param>
/// <param name="Schema">The schema text.</param>
/// <param name="SchemaIsJson">True for the JSON schema format.</param>
/// <param name="EntitiesWithSchema">The entities JSON for schema-guided parsing (escapes sometimes implicit).</param>
/// <param name="EntitiesWithoutSchema">The same entities with every escape explicit, for requests without a schema.</param>
/// <param name="Scenarios">The cases.</param>
public sealed record ScenarioGroup(int Seed, string Schema, bool SchemaIsJson, string EntitiesWithSchema, string EntitiesWithoutSchema, IReadOnlyList<Scenario> Scenarios);
