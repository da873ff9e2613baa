using System.Text.Json;
using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Json;

/// <summary>
/// Reads Cedar values from Cedar's JSON format. Without an expected type, entity references and extension
/// values need their <c>__entity</c> / <c>__extn</c> escapes; with one (schema-based parsing), the escapes may
/// be omitted and an extension value may be written as its constructor's argument alone.
/// </summary>
internal static class ValueJsonReader
{
    public static RecordValue ReadContext(string json, Schema? schema, EntityUid? action)
    {
        using var doc = Parse(json, "context");
        RecordSchemaType? expected = null;
        if (schema is not null && action is not null)
        {
            if (!schema.Actions.TryGetValue(action, out var actionSchema))
            {
                throw new CedarException($"action `{action}` is not declared in the schema");
            }

            expected = actionSchema.Context;
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException("context must be a JSON object");
        }

        return Read(doc.RootElement, expected, "context") is RecordValue r
            ? r
            : throw new CedarException("context must be a record");
    }

    public static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            throw new CedarException($"invalid JSON in {what}: {e.Message}");
        }
    }

    /// <summary>Reads one value; <paramref name="where"/> names the place for error messages.</summary>
    public static Value Read(JsonElement json, SchemaType? expected, string where)
    {
        switch (expected)
        {
            case EntitySchemaType:
                return new EntityValue(ReadEntityUid(json, where));
            case ExtensionSchemaType ext:
                return ReadExtension(json, ext.Name, where);
            case SetSchemaType set when json.ValueKind == JsonValueKind.Array:
                return new SetValue(json.EnumerateArray().Select(e => Read(e, set.Element, where)).ToList());
            case SetSchemaType:
                throw Mismatch(expected, json, where);
            case RecordSchemaType record when json.ValueKind == JsonValueKind.Object:
                return ReadRecord(json, record, where);
            case RecordSchemaType:
                throw Mismatch(expected, json, where);
            default:
                return ReadPlain(json, where);
        }
    }

    private static RecordValue ReadRecord(JsonElement json, RecordSchemaType expected, string where)
    {
        var actual = Members(json, where);
        var attrs = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, attr) in expected.Attributes)
        {
            if (actual.Remove(name, out var value))
            {
                attrs[name] = Read(value, attr.Type, $"{where}.{name}");
            }
            else if (attr.Required)
            {
                throw new CedarException($"in {where}, expected the record to have an attribute `{name}`, but it does not");
            }
        }

        if (!expected.AdditionalAttributes && actual.Count > 0)
        {
            throw new CedarException($"in {where}, the record has an attribute `{actual.Keys.First()}` that the schema does not declare");
        }

        foreach (var (name, value) in actual)
        {
            attrs[name] = ReadPlain(value, $"{where}.{name}");
        }

        return new RecordValue(attrs);
    }

    /// <summary>The schema-less format: <c>__entity</c> and <c>__extn</c> escapes are required.</summary>
    public static Value ReadPlain(JsonElement json, string where)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.True: return BoolValue.True;
            case JsonValueKind.False: return BoolValue.False;
            case JsonValueKind.Number:
                return json.TryGetInt64(out var l)
                    ? LongValue.Of(l)
                    : throw new CedarException($"in {where}, `{json.GetRawText()}` is not a 64-bit integer");
            case JsonValueKind.String: return new StringValue(json.GetString()!);
            case JsonValueKind.Array:
                return new SetValue(json.EnumerateArray().Select(e => ReadPlain(e, where)).ToList());
            case JsonValueKind.Object:
                return ReadObject(json, where);
            default:
                throw new CedarException($"in {where}, null is not a valid Cedar value");
        }
    }

    private static Value ReadObject(JsonElement json, string where)
    {
        var members = Members(json, where);
        if (members.Count == 1)
        {
            var (key, inner) = members.First();
            if (key == "__expr" && inner.ValueKind == JsonValueKind.String)
            {
                throw new CedarException($"in {where}, the `__expr` escape is no longer supported");
            }

            if (key == "__extn" && inner.ValueKind == JsonValueKind.Object && TryFnAndArgs(inner, out var fn, out var args))
            {
                return CallConstructor(fn, args.Select(a => ReadPlain(a, where)).ToArray(), where);
            }

            if (key == "__entity" && inner.ValueKind == JsonValueKind.Object && TryTypeAndId(inner, out var uid))
            {
                return new EntityValue(uid);
            }
        }

        var attrs = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            attrs[name] = ReadPlain(value, $"{where}.{name}");
        }

        return new RecordValue(attrs);
    }

    /// <summary>Reads a JSON object as a record in the schema-less format (no escape detection at the top).</summary>
    public static RecordValue ReadPlainRecord(JsonElement json, string where)
    {
        var attrs = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, value) in Members(json, where))
        {
            attrs[name] = ReadPlain(value, $"{where}.{name}");
        }

        return new RecordValue(attrs);
    }

    /// <summary>An entity reference: <c>{"type": T, "id": I}</c>, or the same inside <c>__entity</c>.</summary>
    public static EntityUid ReadEntityUid(JsonElement json, string where)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            var members = Members(json, where);
            if (members.Count == 1 && members.TryGetValue("__entity", out var inner) && inner.ValueKind == JsonValueKind.Object && TryTypeAndId(inner, out var escaped))
            {
                return escaped;
            }

            if (TryTypeAndId(json, out var uid))
            {
                return uid;
            }
        }

        throw new CedarException($"in {where}, expected an entity reference like {{\"type\": \"User\", \"id\": \"alice\"}}, found `{Abbreviate(json)}`");
    }

    private static Value ReadExtension(JsonElement json, string typeName, string where)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            var members = Members(json, where);
            if (members.Count == 1 && members.TryGetValue("__expr", out _))
            {
                throw new CedarException($"in {where}, the `__expr` escape is no longer supported");
            }

            var target = members.Count == 1 && members.TryGetValue("__extn", out var inner) ? inner : json;
            if (target.ValueKind == JsonValueKind.Object && TryFnAndArgs(target, out var fn, out var args))
            {
                return CallConstructor(fn, args.Select(a => ReadPlain(a, where)).ToArray(), where);
            }
        }

        // The implicit constructor: the value is the argument of the type's one-argument constructor.
        var constructor = typeName switch
        {
            "ipaddr" => "ip",
            "decimal" => "decimal",
            "datetime" => "datetime",
            "duration" => "duration",
            _ => throw new CedarException($"in {where}, unknown extension type `{typeName}`"),
        };
        return CallConstructor(constructor, [Read(json, PrimitiveSchemaType.String, where)], where);
    }

    private static Value CallConstructor(string fn, Value[] args, string where)
    {
        try
        {
            return ExtensionCalls.InvokeByName(fn, args);
        }
        catch (EvaluationException e)
        {
            throw new CedarException($"in {where}, {e.Message}");
        }
    }

    private static bool TryFnAndArgs(JsonElement json, out string fn, out List<JsonElement> args)
    {
        fn = string.Empty;
        args = [];
        if (!json.TryGetProperty("fn", out var f) || f.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        fn = f.GetString()!;
        if (json.TryGetProperty("arg", out var arg))
        {
            args.Add(arg);
            return true;
        }

        if (json.TryGetProperty("args", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            args.AddRange(many.EnumerateArray());
            return true;
        }

        return false;
    }

    private static bool TryTypeAndId(JsonElement json, out EntityUid uid)
    {
        uid = null!;
        if (json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            && json.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String)
        {
            uid = new EntityUid(t.GetString()!, i.GetString()!);
            return true;
        }

        return false;
    }

    /// <summary>The members of a JSON object; a duplicate key is an error, as in the reference.</summary>
    public static Dictionary<string, JsonElement> Members(JsonElement json, string where)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in json.EnumerateObject())
        {
            if (!members.TryAdd(p.Name, p.Value))
            {
                throw new CedarException($"in {where}, duplicate key `{p.Name}`");
            }
        }

        return members;
    }

    private static CedarException Mismatch(SchemaType expected, JsonElement json, string where) =>
        new($"in {where}, expected a value of type {expected}, found `{Abbreviate(json)}`");

    private static string Abbreviate(JsonElement json)
    {
        var raw = json.GetRawText();
        return raw.Length > 80 ? raw[..77] + "..." : raw;
    }
}
