using System.Buffers;
using System.Text;
using System.Text.Json;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Writes generated values and entities in Cedar's JSON formats. With <c>implicitForms</c> (allowed when a schema
/// guides parsing) entity references and extension values are sometimes written without their escapes.
/// </summary>
public static class ValueJson
{
    /// <summary>A context: a JSON object of the given fields.</summary>
    public static string Context(IReadOnlyList<KeyValuePair<string, GenValue>> fields, Rng rng, bool implicitForms) =>
        Write(w => WriteFields(w, fields, rng, implicitForms));

    /// <summary>An entities file: a JSON array of entity objects.</summary>
    public static string Entities(IReadOnlyList<GenEntity> entities, Rng rng, bool implicitForms) =>
        Write(w =>
        {
            w.WriteStartArray();
            foreach (var e in entities)
            {
                w.WriteStartObject();
                w.WritePropertyName("uid");
                WriteUid(w, e.Type, e.Id, escaped: rng.Chance(0.2));
                w.WritePropertyName("attrs");
                WriteFields(w, e.Attributes, rng, implicitForms);
                w.WriteStartArray("parents");
                foreach (var (type, id) in e.Parents)
                {
                    WriteUid(w, type, id, escaped: rng.Chance(0.2));
                }

                w.WriteEndArray();
                if (e.Tags is not null)
                {
                    w.WritePropertyName("tags");
                    WriteFields(w, e.Tags, rng, implicitForms);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            body(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteFields(Utf8JsonWriter w, IReadOnlyList<KeyValuePair<string, GenValue>> fields, Rng rng, bool implicitForms)
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            w.WritePropertyName(name);
            WriteValue(w, value, rng, implicitForms);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, GenValue v, Rng rng, bool implicitForms)
    {
        switch (v.Kind)
        {
            case GenValueKind.Bool: w.WriteBooleanValue(v.Bool); break;
            case GenValueKind.Long: w.WriteNumberValue(v.Long); break;
            case GenValueKind.String: w.WriteStringValue(v.Text); break;
            case GenValueKind.Null: w.WriteNullValue(); break;
            case GenValueKind.Entity: WriteUid(w, v.Name!, v.Text!, escaped: !implicitForms || rng.Chance(0.6)); break;
            case GenValueKind.Extension: WriteExtension(w, v, implicitForms ? rng.Int(0, 2) : 0); break;
            case GenValueKind.Set:
                w.WriteStartArray();
                foreach (var item in v.Items!)
                {
                    WriteValue(w, item, rng, implicitForms);
                }

                w.WriteEndArray();
                break;
            case GenValueKind.Record: WriteFields(w, v.Fields!, rng, implicitForms); break;
            default: throw new ArgumentOutOfRangeException(nameof(v), v.Kind, "unknown value kind");
        }
    }

    // 0: {"__extn": {"fn", "arg"}}; 1: {"fn", "arg"}; 2: the bare argument string (schema-directed).
    private static void WriteExtension(Utf8JsonWriter w, GenValue v, int form)
    {
        if (form == 2)
        {
            w.WriteStringValue(v.Text);
            return;
        }

        w.WriteStartObject();
        if (form == 0)
        {
            w.WriteStartObject("__extn");
        }

        w.WriteString("fn", v.Name);
        w.WriteString("arg", v.Text);
        if (form == 0)
        {
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteUid(Utf8JsonWriter w, string type, string id, bool escaped)
    {
        w.WriteStartObject();
        if (escaped)
        {
            w.WriteStartObject("__entity");
        }

        w.WriteString("type", type);
        w.WriteString("id", id);
        if (escaped)
        {
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
