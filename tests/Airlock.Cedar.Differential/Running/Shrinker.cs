using System.Text.Json.Nodes;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// Shrinks a disagreement before it is printed: for an authorization, drops policies, entities and context
/// attributes one at a time, keeping each removal after which the engines still disagree; for a validation,
/// finds the one policy they judge differently. Only printed disagreements are shrunk: it costs oracle calls.
/// </summary>
public sealed class Shrinker(NativeDecider native, OracleDecider oracle)
{
    public Disagreement Shrink(Disagreement d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Kind switch
        {
            CheckKind.Authorize => Authorization(d.Group, d.Scenario, d.Request, d.Native, d.Oracle),
            CheckKind.Validate => Validation(d),
            _ => d,
        };
    }

    // Validation judges each policy alone, so a single policy usually shows the difference by itself.
    private Disagreement Validation(Disagreement d)
    {
        foreach (var part in d.Group.Scenarios[d.Scenario].Parts ?? [])
        {
            NativeDecider.Parse(part, out var single);
            if (single is null)
            {
                continue;
            }

            var a = native.Validate(single);
            var b = oracle.Validate(d.Group.Schema, d.Group.SchemaIsJson, part);
            if (a.Key != b.Key)
            {
                return d with { Policies = part, Native = a, Oracle = b };
            }
        }

        return d;
    }

    private Disagreement Authorization(ScenarioGroup group, int s, int r, Answer mine, Answer theirs)
    {
        var scenario = group.Scenarios[s];
        var request = scenario.Requests[r];
        var entities = request.WithSchema ? group.EntitiesWithSchema : group.EntitiesWithoutSchema;
        var parts = scenario.Parts?.ToList();
        var policies = scenario.Policies;
        var answers = (Native: mine, Oracle: theirs);

        bool StillDisagrees(string p, string e, GenRequest q)
        {
            var a = Native(p, e, q);
            var b = oracle.Authorize(group.Schema, group.SchemaIsJson, p, e, q);
            if (a.Key == b.Key)
            {
                return false;
            }

            answers = (a, b);
            return true;
        }

        if (parts is not null)
        {
            parts = Drop(parts, candidate => StillDisagrees(Join(candidate), entities, request));
            policies = Join(parts);
        }

        if (JsonNode.Parse(entities) is JsonArray array)
        {
            var kept = Drop([.. array.Select(n => n!.ToJsonString())], candidate => StillDisagrees(policies, "[" + string.Join(",", candidate) + "]", request));
            entities = "[" + string.Join(",", kept) + "]";
        }

        if (JsonNode.Parse(request.Context) is JsonObject context)
        {
            var fields = context.Select(f => f.Key).ToList();
            var keptFields = Drop(fields, candidate => StillDisagrees(policies, entities, request with { Context = Without(context, candidate) }));
            request = request with { Context = Without(context, keptFields) };
        }

        // Asked once more so that the printed answers are those of the shrunk inputs, with cedar-wasm's stage.
        StillDisagrees(policies, entities, request);
        return new Disagreement(CheckKind.Authorize, group, s, r, policies, entities, request, answers.Native, answers.Oracle);
    }

    private static string Join(IEnumerable<string> parts) => string.Join("\n", parts);

    private static string Without(JsonObject context, List<string> keep)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in context.Where(f => keep.Contains(f.Key)))
        {
            copy[key] = value?.DeepClone();
        }

        return copy.ToJsonString();
    }

    // One pass of one-at-a-time removal: enough to take out what does not matter in these small inputs.
    private static List<T> Drop<T>(List<T> items, Func<List<T>, bool> stillDisagrees)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var candidate = items.Where((_, j) => j != i).ToList();
            if (stillDisagrees(candidate))
            {
                items = candidate;
            }
        }

        return items;
    }

    private Answer Native(string policies, string entities, GenRequest request)
    {
        NativeDecider.Parse(policies, out var parsed);
        return native.Authorize(parsed, native.ParseEntities(entities, request.WithSchema), request);
    }
}
