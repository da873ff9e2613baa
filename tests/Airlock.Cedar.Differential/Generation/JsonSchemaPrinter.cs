using System.Buffers;
using System.Text;
using System.Text.Json;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>Writes a generated schema in the JSON schema format, varying the free choices (type spellings, qualification).</summary>
public sealed class JsonSchemaPrinter(Rng rng)
{
    public string Print(GenSchema schema)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var ns in schema.EntityTypes.Select(e => e.Namespace).Append(schema.Namespace).Distinct())
            {
                w.WriteStartObject(ns);
                if (ns == schema.Namespace && schema.CommonTypes.Count > 0)
                {
                    w.WriteStartObject("commonTypes");
                    foreach (var (name, type) in schema.CommonTypes)
                    {
                        w.WritePropertyName(name);
                        Type(w, type, ns);
                    }

                    w.WriteEndObject();
                }

                w.WriteStartObject("entityTypes");
                foreach (var e in schema.EntityTypes.Where(e => e.Namespace == ns))
                {
                    w.WritePropertyName(e.BaseName);
                    Entity(w, e, ns);
                }

                w.WriteEndObject();
                w.WriteStartObject("actions");
                foreach (var a in ns == schema.Namespace ? schema.Actions : [])
                {
                    w.WritePropertyName(a.Id);
                    Action(w, a, ns);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Entity(Utf8JsonWriter w, GenEntityType e, string ns)
    {
        w.WriteStartObject();
        if (e.EnumIds is { } ids)
        {
            w.WriteStartArray("enum");
            foreach (var id in ids)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }

        if (e.MemberOf.Count > 0 || rng.Chance(0.3))
        {
            w.WriteStartArray("memberOfTypes");
            foreach (var m in e.MemberOf)
            {
                w.WriteStringValue(Name(m, ns));
            }

            w.WriteEndArray();
        }

        if (e.Shape.Count > 0 || rng.Chance(0.3))
        {
            w.WritePropertyName("shape");
            Type(w, GenType.RecordOf(e.Shape), ns);
        }

        if (e.Tags is not null)
        {
            w.WritePropertyName("tags");
            Type(w, e.Tags, ns);
        }

        w.WriteEndObject();
    }

    private void Action(Utf8JsonWriter w, GenAction a, string ns)
    {
        w.WriteStartObject();
        if (a.MemberOf.Count > 0)
        {
            w.WriteStartArray("memberOf");
            foreach (var g in a.MemberOf)
            {
                w.WriteStartObject();
                w.WriteString("id", g);
                if (rng.Chance(0.3))
                {
                    w.WriteString("type", ns.Length == 0 ? "Action" : ns + "::Action");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (a.Principals is not null)
        {
            w.WriteStartObject("appliesTo");
            Names(w, "principalTypes", a.Principals, ns);
            Names(w, "resourceTypes", a.Resources, ns);
            if (a.Context.Fields.Count > 0 || rng.Chance(0.5))
            {
                w.WritePropertyName("context");
                Type(w, a.Context, ns);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void Names(Utf8JsonWriter w, string property, IReadOnlyList<string> types, string ns)
    {
        w.WriteStartArray(property);
        foreach (var t in types)
        {
            w.WriteStringValue(Name(t, ns));
        }

        w.WriteEndArray();
    }

    // `required` is null for a type that is not an attribute's, which must not carry the key.
    private void Type(Utf8JsonWriter w, GenType t, string ns, bool? required = null)
    {
        w.WriteStartObject();
        if (required == false || (required == true && rng.Chance(0.1)))
        {
            w.WriteBoolean("required", required.Value);
        }

        if (t.CommonName is { } common)
        {
            w.WriteString("type", common);
            w.WriteEndObject();
            return;
        }

        switch (t.Kind)
        {
            case GenTypeKind.Bool: w.WriteString("type", "Boolean"); break;
            case GenTypeKind.Long: w.WriteString("type", "Long"); break;
            case GenTypeKind.String: w.WriteString("type", "String"); break;
            case GenTypeKind.Extension:
                w.WriteString("type", "Extension");
                w.WriteString("name", t.Name);
                break;
            case GenTypeKind.Entity:
                w.WriteString("type", "Entity");
                w.WriteString("name", Name(t.Name!, ns));
                break;
            case GenTypeKind.Set:
                w.WriteString("type", "Set");
                w.WritePropertyName("element");
                Type(w, t.Element!, ns);
                break;
            case GenTypeKind.Record:
                w.WriteString("type", "Record");
                w.WriteStartObject("attributes");
                foreach (var a in t.Fields)
                {
                    w.WritePropertyName(a.Name);
                    Type(w, a.Type, ns, a.Required);
                }

                w.WriteEndObject();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(t), t.Kind, "unknown type kind");
        }

        w.WriteEndObject();
    }

    private string Name(string qualified, string ns)
    {
        var prefix = ns + "::";
        return ns.Length > 0 && qualified.StartsWith(prefix, StringComparison.Ordinal) && !qualified[prefix.Length..].Contains("::", StringComparison.Ordinal) && rng.Chance(0.7)
            ? qualified[prefix.Length..]
            : qualified;
    }
}
