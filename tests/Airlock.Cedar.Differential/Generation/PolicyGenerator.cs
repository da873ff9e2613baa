using System.Text;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Random policies: annotations, every scope form (<c>==</c>, <c>in</c>, <c>is</c>, <c>is … in</c>, action lists),
/// and <c>when</c>/<c>unless</c> conditions typed for the environment the scope implies.
/// </summary>
public sealed class PolicyGenerator(Rng rng, GenSchema schema, IReadOnlyList<(string Type, string Id)> uids)
{
    private static readonly string[] AnnotationKeys = ["id", "advice", "doc", "a"];

    private readonly ExpressionGenerator expressions = new(rng, schema, uids);
    private readonly List<(string Type, string Id)> mentioned = [];

    /// <summary>One policy, with the request it was written for.</summary>
    public GenPolicy Policy()
    {
        mentioned.Clear();
        var action = Applicable(schema, rng);
        var principalType = action?.Principals is { Count: > 0 } ps ? rng.Pick(ps) : rng.Pick(schema.EntityTypes).Name;
        var resourceType = action?.Resources is { Count: > 0 } rs ? rng.Pick(rs) : rng.Pick(schema.EntityTypes).Name;
        // Half the policies pin the environment in their scope and keep to well-typed conditions, so that
        // strict validation accepts a fair share; the rest roam freely.
        var typed = action?.Principals is not null && rng.Chance(0.5);
        expressions.Assume(principalType, resourceType, action, typed);

        var sb = new StringBuilder();
        // Now and then one key twice, which Cedar refuses.
        var keys = rng.Some(AnnotationKeys, 2);
        if (keys.Count > 0 && rng.Chance(0.01))
        {
            keys.Add(keys[0]);
        }

        foreach (var key in keys)
        {
            sb.Append('@').Append(key);
            if (rng.Chance(0.85))
            {
                sb.Append('(').Append(CedarText.Quote(rng.Pick(Names.Strings), rng)).Append(')');
            }

            sb.Append(rng.Chance(0.5) ? "\n" : " ");
        }

        sb.Append(rng.Chance(0.6) ? "permit" : "forbid").Append("(\n  ")
            .Append(typed ? PinnedScope("principal", principalType) : Scope("principal", principalType)).Append(",\n  ")
            .Append(typed ? "action == " + ActionUid(action) : ActionScope(action)).Append(",\n  ")
            .Append(typed ? PinnedScope("resource", resourceType) : Scope("resource", resourceType)).Append("\n)");
        // Few clauses: each one that is false or errors leaves the policy out of the decision.
        var roll = rng.Int(0, 99);
        for (var i = roll < 30 ? 0 : roll < 75 ? 1 : roll < 95 ? 2 : 3; i > 0; i--)
        {
            sb.Append(rng.Chance(0.75) ? " when { " : " unless { ").Append(expressions.Bool(rng.Int(1, 4))).Append(" }");
        }

        return new GenPolicy(sb.Append(';').ToString(), new PolicyTarget(action, principalType, resourceType, [.. mentioned]));
    }

    /// <summary>An action to aim at: mostly one with <c>appliesTo</c>, since action groups apply to nothing.</summary>
    public static GenAction? Applicable(GenSchema schema, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rng);
        var applicable = schema.Actions.Where(a => a.Principals is not null).ToList();
        return applicable.Count > 0 && rng.Chance(0.95) ? rng.Pick(applicable) : schema.Actions.Count > 0 ? rng.Pick(schema.Actions) : null;
    }

    private string PinnedScope(string variable, string type) => rng.Int(0, 2) switch
    {
        0 => variable + " is " + type,
        1 => variable + " == " + Uid(type),
        _ => variable + " is " + type + " in " + Uid(null),
    };

    private string Scope(string variable, string type) => rng.Int(0, 8) switch
    {
        0 or 1 or 6 or 7 => variable,
        2 => variable + " == " + Uid(type),
        3 => variable + " in " + Uid(null),
        4 => variable + " is " + TypeName(type),
        5 => variable + " is " + TypeName(type) + " in " + Uid(null),
        _ => variable + (rng.Chance(0.5) ? " in " : " == ") + CedarText.Uid(rng.Pick(schema.EntityTypes).Name, rng.Pick(Names.EntityIds), rng),
    };

    private string ActionScope(GenAction? action) => rng.Int(0, 6) switch
    {
        0 or 1 or 6 => "action",
        2 => "action == " + ActionUid(action),
        3 => "action in " + ActionUid(rng.Chance(0.5) ? action : null),
        4 => "action in [" + string.Join(", ", Enumerable.Range(0, rng.Int(0, 3)).Select(_ => ActionUid(null))) + "]",
        _ => "action in [" + ActionUid(action) + "]",
    };

    private string ActionUid(GenAction? action) =>
        CedarText.Uid(schema.ActionType, action?.Id ?? (schema.Actions.Count > 0 && rng.Chance(0.9) ? rng.Pick(schema.Actions).Id : rng.Pick(Names.Actions)), rng);

    private string Uid(string? type)
    {
        var candidates = type is null ? uids : uids.Where(u => u.Type == type).ToList();
        (string Type, string Id) uid = candidates.Count > 0 && rng.Chance(0.85) ? rng.Pick(candidates) : (type ?? rng.Pick(schema.EntityTypes).Name, rng.Pick(Names.EntityIds));
        mentioned.Add(uid);
        return CedarText.Uid(uid.Type, uid.Id, rng);
    }

    private string TypeName(string type) => rng.Chance(0.7) ? type : rng.Pick(schema.EntityTypes).Name;
}
