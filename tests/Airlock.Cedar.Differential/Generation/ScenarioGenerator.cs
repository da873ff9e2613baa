using Airlock.Cedar.Differential.Generation.Model;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>Builds a group of cases from one seed: a schema, entity data consistent with it (or not), policy sets and requests.</summary>
public static class ScenarioGenerator
{
    /// <summary>A group of <paramref name="scenarios"/> cases with <paramref name="requests"/> requests each.</summary>
    public static ScenarioGroup Generate(int seed, int scenarios, int requests)
    {
        var rng = new Rng(seed);
        var schema = new SchemaGenerator(new Rng(rng.Fork())).Generate();
        var schemaIsJson = rng.Chance(0.25);
        var schemaText = schemaIsJson ? new JsonSchemaPrinter(rng).Print(schema) : new CedarSchemaPrinter(rng).Print(schema);

        // Most groups hold data that fits the schema; the rest make mistakes at a low rate.
        var data = new DataGenerator(new Rng(rng.Fork()), schema, rng.Chance(0.85) ? 0 : 0.02);
        data.ChooseUids();
        var entities = data.Entities();
        var entitiesWithSchema = ValueJson.Entities(entities, rng, implicitForms: true);
        var entitiesWithoutSchema = ValueJson.Entities(entities, rng, implicitForms: false);

        var policies = new PolicyGenerator(new Rng(rng.Fork()), schema, data.Uids);
        var mutator = new TextMutator(rng);
        var cases = new List<Scenario>(scenarios);
        for (var i = 0; i < scenarios; i++)
        {
            var generated = Enumerable.Range(0, rng.Int(1, 5)).Select(_ => policies.Policy()).ToList();
            var parts = generated.Select(p => p.Text).ToList();
            var text = string.Join(rng.Chance(0.5) ? "\n\n" : " ", parts);
            // Most requests aim at one of the policies, so that its scope matches and its conditions decide.
            var asked = Enumerable.Range(0, requests)
                .Select(_ => Request(rng, schema, data, rng.Chance(0.7) ? rng.Pick(generated).Target : null))
                .ToList();
            var roll = rng.Int(0, 99);
            cases.Add(roll < 2 ? new Scenario(mutator.Soup(), null, asked)
                : roll < 15 ? new Scenario(mutator.Mutate(text), null, asked)
                : new Scenario(text, parts, asked));
        }

        return new ScenarioGroup(seed, schemaText, schemaIsJson, entitiesWithSchema, entitiesWithoutSchema, cases);
    }

    private static GenRequest Request(Rng rng, GenSchema schema, DataGenerator data, PolicyTarget? target)
    {
        var action = target is not null ? target.Action : rng.Chance(0.97) ? PolicyGenerator.Applicable(schema, rng) : null;
        var actionId = action?.Id ?? rng.Pick(Names.Actions);
        var principal = target is null ? Party(rng, schema, data, action?.Principals) : Aimed(rng, schema, data, target.PrincipalType, target.Mentioned);
        var resource = target is null ? Party(rng, schema, data, action?.Resources) : Aimed(rng, schema, data, target.ResourceType, target.Mentioned);
        var withSchema = rng.Chance(0.85);
        var context = action is null ? [] : data.Context(action);
        return new GenRequest(
            principal,
            new EntityUid(schema.ActionType, actionId),
            resource,
            ValueJson.Context(context, rng, implicitForms: withSchema),
            withSchema,
            rng.Chance(0.8));
    }

    // The entity the policy names, when it names one of the type, else one of the type it assumes.
    private static EntityUid Aimed(Rng rng, GenSchema schema, DataGenerator data, string type, IReadOnlyList<(string Type, string Id)> mentioned)
    {
        var named = mentioned.Where(m => m.Type == type).ToList();
        return named.Count > 0 && rng.Chance(0.7) ? new EntityUid(type, rng.Pick(named).Id) : Party(rng, schema, data, [type]);
    }

    // Usually an entity of a type the action applies to, mostly one that exists in the data.
    private static EntityUid Party(Rng rng, GenSchema schema, DataGenerator data, IReadOnlyList<string>? types)
    {
        var type = types is { Count: > 0 } && rng.Chance(0.9) ? rng.Pick(types) : rng.Pick(schema.EntityTypes).Name;
        var existing = data.Uids.Where(u => u.Type == type).ToList();
        var ids = schema.Entity(type)?.EnumIds ?? Names.EntityIds;
        var id = existing.Count > 0 && rng.Chance(0.85) ? rng.Pick(existing).Id : rng.Pick(ids);
        return new EntityUid(type, id);
    }
}
