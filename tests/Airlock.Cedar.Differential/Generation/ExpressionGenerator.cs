using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Random Cedar expressions, mostly well-typed for an assumed request environment (so that many evaluate
/// rather than error), with every operator, extension function, literal form and some deliberate type errors.
/// Subexpressions are parenthesised most of the time; where they are not, precedence decides, identically
/// for both engines if they agree.
/// </summary>
public sealed partial class ExpressionGenerator(Rng rng, GenSchema schema, IReadOnlyList<(string Type, string Id)> uids)
{
    // Each path with how many of its attributes are optional, and whether the last one is.
    private readonly List<(string Text, GenType Type, int Optional, bool LastOptional)> paths = [];

    // When set, leaves out what strict validation refuses: type errors, unguarded optional attributes, tags.
    private bool typed;

    /// <summary>
    /// Assumes the request's principal, resource and context types: attribute paths are drawn from them. With
    /// <paramref name="wellTyped"/> the expressions aim to pass strict validation for that environment.
    /// </summary>
    public void Assume(string? principalType, string? resourceType, GenAction? action, bool wellTyped)
    {
        typed = wellTyped;
        paths.Clear();
        if (principalType is not null)
        {
            AddPaths("principal", GenType.EntityOf(principalType), 2, 0, false);
        }

        if (resourceType is not null)
        {
            AddPaths("resource", GenType.EntityOf(resourceType), 2, 0, false);
        }

        AddPaths("context", action?.Context ?? GenType.RecordOf([]), 2, 0, false);
        paths.Add(("action", GenType.EntityOf(schema.ActionType), 0, false));
    }

    /// <summary>An expression of any type.</summary>
    public string Any(int depth) => rng.Int(0, 8) switch
    {
        0 or 1 => Bool(depth),
        2 or 3 => Long(depth),
        4 => String(depth),
        5 => Entity(depth),
        6 => Set(depth),
        7 => Record(depth),
        _ => Extension(rng.Pick(GenType.ExtensionNames), depth),
    };

    private string Of(GenType type, int depth) => type.Kind switch
    {
        GenTypeKind.Bool => Bool(depth),
        GenTypeKind.Long => Long(depth),
        GenTypeKind.String => String(depth),
        GenTypeKind.Entity => Entity(depth),
        GenTypeKind.Set => Set(depth),
        GenTypeKind.Record => Record(depth),
        _ => Extension(type.Name!, depth),
    };

    // Attribute paths such as principal.owner.name, with their types; optional attributes are included too,
    // so some accesses fail at run time (guarded ones are made by Guarded).
    private void AddPaths(string text, GenType type, int depth, int optional, bool lastOptional)
    {
        paths.Add((text, type, optional, lastOptional));
        if (depth == 0)
        {
            return;
        }

        var attributes = type.Kind switch
        {
            GenTypeKind.Record => type.Fields,
            GenTypeKind.Entity => schema.Entity(type.Name!)?.Shape ?? [],
            _ => [],
        };
        foreach (var a in attributes)
        {
            AddPaths(text + Access(a.Name), a.Type, depth - 1, optional + (a.Required ? 0 : 1), !a.Required);
        }
    }

    private string Access(string attribute) =>
        Names.IsPlainIdentifier(attribute) || rng.Chance(0.02) ? "." + attribute : "[" + CedarText.Quote(attribute, rng) + "]";

    /// <summary>A path of the kind, or null when the environment has none.</summary>
    private string? Path(GenTypeKind kind, string? name = null)
    {
        var matching = paths.Where(p => p.Type.Kind == kind && (name is null || p.Type.Name == name) && !(typed && p.Optional > 0)).ToList();
        return matching.Count == 0 ? null : rng.Pick(matching).Text;
    }

    // Mostly parenthesised: one policy that does not parse takes its whole policy set out of the authorization checks.
    private string P(string expression) => rng.Chance(0.93) ? "(" + expression + ")" : expression;

    // `if` binds loosest of all, so as an operand it needs parentheses; they are left out now and then.
    private string If(string condition, string then, string otherwise)
    {
        var text = "if " + condition + " then " + then + " else " + otherwise;
        return rng.Chance(0.9) ? "(" + text + ")" : text;
    }

    private string UidLiteral()
    {
        if (uids.Count > 0 && rng.Chance(0.85))
        {
            var (type, id) = rng.Pick(uids);
            return CedarText.Uid(type, id, rng);
        }

        var someType = rng.Chance(0.8) ? rng.Pick(schema.EntityTypes).Name : "Undeclared";
        return CedarText.Uid(someType, rng.Pick(Names.EntityIds), rng);
    }

    private string ActionLiteral() =>
        CedarText.Uid(schema.ActionType, rng.Chance(0.9) ? rng.Pick(schema.Actions).Id : rng.Pick(Names.Actions), rng);

    private string EntityTypeName() => rng.Chance(0.9) ? rng.Pick(schema.EntityTypes).Name : rng.Pick([schema.ActionType, "Undeclared", "A::B"]);
}
