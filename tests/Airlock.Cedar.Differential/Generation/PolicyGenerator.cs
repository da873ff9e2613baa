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

    /// <summary>One policy's text.</summary>
    public string Policy()
    {
        var action = Applicable(schema, rng);
        var principalType = action?.Principals is { Count: > 0 } ps ? rng.Pick(ps) : rng.Pick(schema.EntityTypes).Name;
        var resourceType = action?.Resources is { Count: > 0 } rs ? rng.Pick(rs) : rng.Pick(schema.EntityTypes).Name;
        expressions.Assume(principalType, resourceType, action);

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
            .Append(Scope("principal", principalType)).Append(",\n  ")
            .Append(ActionScope(action)).Append(",\n  ")
            .Append(Scope("resource", resourceType)).Append("\n)");
        for (var i = rng.Int(0, 3); i > 0; i--)
        {
            sb.Append(rng.Chance(0.75) ? " when { " : " unless { ").Append(expressions.Bool(rng.Int(1, 4))).Append(" }");
        }

        return sb.Append(';').ToString();
    }

    /// <summary>An action to aim at: mostly one with <c>appliesTo</c>, since action groups apply to nothing.</summary>
    public static GenAction? Applicable(GenSchema schema, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rng);
        var applicable = schema.Actions.Where(a => a.Principals is not null).ToList();
        return applicable.Count > 0 && rng.Chance(0.95) ? rng.Pick(applicable) : schema.Actions.Count > 0 ? rng.Pick(schema.Actions) : null;
    }

    private string Scope(string variable, string type) => rng.Int(0, 6) switch
    {
        0 or 1 => variable,
        2 => variable + " == " + Uid(type),
        3 => variable + " in " + Uid(null),
        4 => variable + " is " + TypeName(type),
        5 => variable + " is " + TypeName(type) + " in " + Uid(null),
        _ => variable + (rng.Chance(0.5) ? " in " : " == ") + CedarText.Uid(rng.Pick(schema.EntityTypes).Name, rng.Pick(Names.EntityIds), rng),
    };

    private string ActionScope(GenAction? action) => rng.Int(0, 5) switch
    {
        0 or 1 => "action",
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
        if (candidates.Count > 0 && rng.Chance(0.85))
        {
            var (t, id) = rng.Pick(candidates);
            return CedarText.Uid(t, id, rng);
        }

        return CedarText.Uid(type ?? rng.Pick(schema.EntityTypes).Name, rng.Pick(Names.EntityIds), rng);
    }

    private string TypeName(string type) => rng.Chance(0.7) ? type : rng.Pick(schema.EntityTypes).Name;
}
