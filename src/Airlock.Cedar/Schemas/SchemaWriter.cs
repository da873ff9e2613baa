using System.Text;
using Airlock.Cedar.Schemas.Syntax;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas;

/// <summary>
/// Writes a <see cref="Schema"/> in the human-readable syntax, in a canonical order (namespaces, then names, sorted),
/// choosing spellings that resolve back to the same types inside each namespace.
/// </summary>
internal sealed class SchemaWriter
{
    private readonly Schema schema;
    private readonly StringBuilder sb = new();

    private SchemaWriter(Schema schema) => this.schema = schema;

    public static string Write(Schema schema)
    {
        var writer = new SchemaWriter(schema);
        writer.WriteAll();
        return writer.sb.ToString();
    }

    private void WriteAll()
    {
        var namespaces = schema.EntityTypes.Keys.Select(Identifiers.NamespaceOf)
            .Concat(schema.Actions.Keys.Select(a => Identifiers.NamespaceOf(a.Type)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            var indent = ns.Length == 0 ? string.Empty : "  ";
            if (ns.Length > 0)
            {
                sb.Append("namespace ").Append(ns).Append(" {\n");
            }

            foreach (var entityType in schema.EntityTypes.Values.Where(e => Identifiers.NamespaceOf(e.Name) == ns).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                WriteEntityType(entityType, ns, indent);
            }

            foreach (var action in schema.Actions.Values.Where(a => Identifiers.NamespaceOf(a.Uid.Type) == ns).OrderBy(a => a.Uid.Id, StringComparer.Ordinal))
            {
                WriteAction(action, ns, indent);
            }

            if (ns.Length > 0)
            {
                sb.Append("}\n");
            }
        }
    }

    private void WriteEntityType(EntityTypeSchema entityType, string ns, string indent)
    {
        sb.Append(indent).Append("entity ").Append(Identifiers.Basename(entityType.Name));
        if (entityType.EnumIds is { } ids)
        {
            sb.Append(" enum [").AppendJoin(", ", ids.Select(CedarString.Quote)).Append("];\n");
            return;
        }

        if (entityType.MemberOfTypes.Count > 0)
        {
            sb.Append(" in [").AppendJoin(", ", entityType.MemberOfTypes.Order(StringComparer.Ordinal)).Append(']');
        }

        if (entityType.Shape.Attributes.Count > 0)
        {
            sb.Append(' ');
            WriteRecordBlock(entityType.Shape, ns, indent);
        }

        if (entityType.Tags is { } tags)
        {
            sb.Append(" tags ");
            WriteType(tags, ns);
        }

        sb.Append(";\n");
    }

    // An action that declares only one of principal and resource types (possible in JSON) applies to nothing; it is written without `appliesTo`.
    private void WriteAction(ActionSchema action, string ns, string indent)
    {
        sb.Append(indent).Append("action ").Append(CedarString.Quote(action.Uid.Id));
        if (action.MemberOf.Count > 0)
        {
            sb.Append(" in [").AppendJoin(", ", action.MemberOf.Select(p => p.ToString()).Order(StringComparer.Ordinal)).Append(']');
        }

        if (action.AppliesToAnything)
        {
            sb.Append(" appliesTo {\n");
            sb.Append(indent).Append("  principal: [").AppendJoin(", ", action.PrincipalTypes.Order(StringComparer.Ordinal)).Append("],\n");
            sb.Append(indent).Append("  resource: [").AppendJoin(", ", action.ResourceTypes.Order(StringComparer.Ordinal)).Append(']');
            if (action.Context.Attributes.Count > 0)
            {
                sb.Append(",\n").Append(indent).Append("  context: ");
                WriteRecordBlock(action.Context, ns, indent + "  ");
            }

            sb.Append('\n').Append(indent).Append('}');
        }

        sb.Append(";\n");
    }

    private void WriteRecordBlock(RecordSchemaType record, string ns, string indent)
    {
        sb.Append("{\n");
        foreach (var name in record.AttributeNames)
        {
            var attribute = record.Attributes[name];
            sb.Append(indent).Append("  ").Append(Identifiers.FormatName(name)).Append(attribute.Required ? ": " : "?: ");
            WriteType(attribute.Type, ns);
            sb.Append(",\n");
        }

        sb.Append(indent).Append('}');
    }

    private void WriteType(SchemaType type, string ns)
    {
        switch (type)
        {
            case SetSchemaType set:
                sb.Append("Set<");
                WriteType(set.Element, ns);
                sb.Append('>');
                break;
            case RecordSchemaType record:
                sb.Append('{');
                var first = true;
                foreach (var name in record.AttributeNames)
                {
                    var attribute = record.Attributes[name];
                    sb.Append(first ? " " : ", ").Append(Identifiers.FormatName(name)).Append(attribute.Required ? ": " : "?: ");
                    WriteType(attribute.Type, ns);
                    first = false;
                }

                sb.Append(first ? "}" : " }");
                break;
            case EntitySchemaType entity:
                sb.Append(entity.Name);
                break;
            default:
                WriteBuiltin(type.ToString(), ns);
                break;
        }
    }

    // A builtin keeps its short name unless an entity type of that name would capture it.
    private void WriteBuiltin(string name, string ns)
    {
        var shadowed = schema.EntityTypes.ContainsKey(name) || (ns.Length > 0 && schema.EntityTypes.ContainsKey(ns + "::" + name));
        sb.Append(shadowed ? Identifiers.CedarNamespace + "::" + name : name);
    }
}
