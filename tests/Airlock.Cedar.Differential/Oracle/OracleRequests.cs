using System.Buffers;
using System.Text;
using System.Text.Json;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Differential.Oracle;

/// <summary>Builds the one-line JSON requests that <c>oracle.mjs</c> answers.</summary>
public static class OracleRequests
{
    /// <summary>Authorizes one request; entities and context are JSON text, the schema Cedar text (or null for none).</summary>
    public static string Authorize(
        string policies,
        string entitiesJson,
        OracleSchema? schema,
        EntityUid principal,
        EntityUid action,
        EntityUid resource,
        string contextJson,
        bool validateRequest) =>
        Build("authorize", w =>
        {
            w.WriteString("policies", policies);
            WriteJson(w, "entities", entitiesJson);
            WriteSchema(w, schema);
            WriteUid(w, "principal", principal);
            WriteUid(w, "action", action);
            WriteUid(w, "resource", resource);
            WriteJson(w, "context", contextJson);
            w.WriteBoolean("validateRequest", validateRequest);
        });

    /// <summary>Validates policies against a schema in strict mode.</summary>
    public static string Validate(string policies, OracleSchema schema) =>
        Build("validate", w =>
        {
            w.WriteString("policies", policies);
            WriteSchema(w, schema);
        });

    /// <summary>Checks that policy text parses.</summary>
    public static string Parse(string policies) => Build("parse", w => w.WriteString("policies", policies));

    /// <summary>Checks that a schema parses.</summary>
    public static string ParseSchema(OracleSchema schema) => Build("parseSchema", w => WriteSchema(w, schema));

    /// <summary>Checks that entity JSON parses, against the schema when there is one.</summary>
    public static string ParseEntities(string entitiesJson, OracleSchema? schema) =>
        Build("parseEntities", w =>
        {
            WriteJson(w, "entities", entitiesJson);
            WriteSchema(w, schema);
        });

    /// <summary>Checks that context JSON parses for an action, against the schema when there is one.</summary>
    public static string ParseContext(string contextJson, OracleSchema? schema, EntityUid action) =>
        Build("parseContext", w =>
        {
            WriteJson(w, "context", contextJson);
            WriteSchema(w, schema);
            WriteUid(w, "action", action);
        });

    private static string Build(string op, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("op", op);
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteUid(Utf8JsonWriter w, string name, EntityUid uid)
    {
        w.WriteStartObject(name);
        w.WriteString("type", uid.Type);
        w.WriteString("id", uid.Id);
        w.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter w, OracleSchema? schema)
    {
        if (schema is null)
        {
            w.WriteNull("schema");
        }
        else if (schema.IsJson)
        {
            WriteJson(w, "schema", schema.Text);
        }
        else
        {
            w.WriteString("schema", schema.Text);
        }
    }

    // Re-serialised rather than copied raw: the source may be pretty-printed, and a request must stay on one line.
    // Number tokens are copied as written, so nothing is rounded on this side.
    private static void WriteJson(Utf8JsonWriter w, string name, string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4096 });
        w.WritePropertyName(name);
        doc.RootElement.WriteTo(w);
    }
}
