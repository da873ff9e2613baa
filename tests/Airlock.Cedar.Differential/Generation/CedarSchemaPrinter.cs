using System.Text;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Writes a generated schema in the human-readable schema syntax, varying what the syntax leaves free:
/// bare or qualified names, <c>__cedar::</c> prefixes, optional <c>=</c>, quoting, annotations, trailing commas.
/// </summary>
public sealed class CedarSchemaPrinter(Rng rng)
{
    public string Print(GenSchema schema)
    {
        var sb = new StringBuilder();
        var namespaces = schema.EntityTypes.Select(e => e.Namespace).Append(schema.Namespace).Distinct().ToList();
        foreach (var ns in namespaces)
        {
            var indent = ns.Length == 0 ? string.Empty : "  ";
            if (ns.Length > 0)
            {
                sb.Append(Annotations()).Append("namespace ").Append(ns).Append(" {\n");
            }

            if (ns == schema.Namespace)
            {
                foreach (var (name, type) in schema.CommonTypes)
                {
                    sb.Append(indent).Append(Annotations()).Append("type ").Append(name).Append(" = ").Append(Type(type, ns)).Append(";\n");
                }
            }

            foreach (var entity in schema.EntityTypes.Where(e => e.Namespace == ns))
            {
                sb.Append(indent).Append(Annotations()).Append(Entity(entity, ns)).Append('\n');
            }

            if (ns == schema.Namespace)
            {
                foreach (var action in schema.Actions)
                {
                    sb.Append(indent).Append(Annotations()).Append(Action(action, ns)).Append('\n');
                }
            }

            if (ns.Length > 0)
            {
                sb.Append("}\n");
            }
        }

        return sb.ToString();
    }

    private string Entity(GenEntityType e, string ns)
    {
        if (e.EnumIds is { } ids)
        {
            return $"entity {e.BaseName} enum [{string.Join(", ", ids.Select(i => CedarText.Quote(i, rng)))}];";
        }

        var sb = new StringBuilder("entity ").Append(e.BaseName);
        if (e.MemberOf.Count == 1 && rng.Chance(0.5))
        {
            sb.Append(" in ").Append(Name(e.MemberOf[0], ns));
        }
        else if (e.MemberOf.Count > 0)
        {
            sb.Append(" in [").Append(string.Join(", ", e.MemberOf.Select(m => Name(m, ns)))).Append(']');
        }

        if (e.Shape.Count > 0 || rng.Chance(0.3))
        {
            sb.Append(rng.Chance(0.5) ? " = " : " ").Append(Record(e.Shape, ns));
        }

        if (e.Tags is not null)
        {
            sb.Append(" tags ").Append(Type(e.Tags, ns));
        }

        return sb.Append(';').ToString();
    }

    private string Action(GenAction a, string ns)
    {
        var sb = new StringBuilder("action ").Append(Names.IsPlainIdentifier(a.Id) && rng.Chance(0.5) ? a.Id : CedarText.Quote(a.Id, rng));
        if (a.MemberOf.Count > 0)
        {
            var groups = a.MemberOf.Select(g => rng.Chance(0.7) ? CedarText.Quote(g, rng) : CedarText.Uid(Name(ActionType(ns), ns, forceQualified: true), g, rng));
            sb.Append(" in [").Append(string.Join(", ", groups)).Append(']');
        }

        if (a.Principals is not null)
        {
            sb.Append(" appliesTo {\n    principal: ").Append(TypeList(a.Principals, ns))
                .Append(",\n    resource: ").Append(TypeList(a.Resources, ns));
            if (a.Context.Fields.Count > 0 || rng.Chance(0.5))
            {
                sb.Append(",\n    context: ").Append(Type(a.Context, ns));
            }

            sb.Append(rng.Chance(0.3) ? ",\n  }" : "\n  }");
        }

        return sb.Append(';').ToString();
    }

    private static string ActionType(string ns) => ns.Length == 0 ? "Action" : ns + "::Action";

    private string TypeList(IReadOnlyList<string> types, string ns) =>
        types.Count == 1 && rng.Chance(0.4) ? Name(types[0], ns) : "[" + string.Join(", ", types.Select(t => Name(t, ns))) + "]";

    private string Type(GenType t, string ns)
    {
        if (t.CommonName is { } common)
        {
            return common;
        }

        return t.Kind switch
        {
            GenTypeKind.Bool => rng.Chance(0.003) ? "Boolean" : Builtin("Bool"),
            GenTypeKind.Long => Builtin("Long"),
            GenTypeKind.String => Builtin("String"),
            GenTypeKind.Extension => Builtin(t.Name!),
            GenTypeKind.Entity => Name(t.Name!, ns),
            GenTypeKind.Set => $"Set<{Type(t.Element!, ns)}>",
            GenTypeKind.Record => Record(t.Fields, ns),
            _ => throw new ArgumentOutOfRangeException(nameof(t), t.Kind, "unknown type kind"),
        };
    }

    private string Builtin(string name) => rng.Chance(0.3) ? "__cedar::" + name : name;

    private string Record(IReadOnlyList<GenAttribute> attributes, string ns)
    {
        if (attributes.Count == 0)
        {
            return "{}";
        }

        var fields = attributes.Select(a => $"{Annotations()}{CedarText.Key(a.Name, rng)}{(a.Required ? string.Empty : "?")}: {Type(a.Type, ns)}");
        return "{ " + string.Join(", ", fields) + (rng.Chance(0.3) ? ", }" : " }");
    }

    // Inside a namespace a bare name means that namespace's type; other types need their full name.
    private string Name(string qualified, string ns, bool forceQualified = false)
    {
        var prefix = ns + "::";
        return !forceQualified && ns.Length > 0 && qualified.StartsWith(prefix, StringComparison.Ordinal) && !qualified[prefix.Length..].Contains("::", StringComparison.Ordinal) && rng.Chance(0.7)
            ? qualified[prefix.Length..]
            : qualified;
    }

    private string Annotations() =>
        rng.Chance(0.1) ? (rng.Chance(0.5) ? "@doc(" + CedarText.Quote(rng.Pick(Names.Strings), rng) + ") " : "@ann ") : string.Empty;
}
