using System.Text.Json;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Validation;

/// <summary>
/// Reads the corpus's JSON request data into values, guided by the schema type where one is known, the way
/// the official harness does (entity references as <c>{"type", "id"}</c>, extension values as <c>__extn</c>).
/// </summary>
internal static class CorpusContextReader
{
    public static EntityUid ReadUid(JsonElement json) =>
        new(json.GetProperty("type").GetString()!, json.GetProperty("id").GetString()!);

    public static Value Read(JsonElement json, SchemaType? type)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            if (json.TryGetProperty("__entity", out var entity))
            {
                return new EntityValue(ReadUid(entity));
            }

            if (json.TryGetProperty("__extn", out var extension))
            {
                return Call(extension);
            }
        }

        switch (type)
        {
            case EntitySchemaType when json.ValueKind == JsonValueKind.Object:
                return new EntityValue(ReadUid(json));
            case ExtensionSchemaType x when json.ValueKind == JsonValueKind.Object:
                return Call(json);
            case ExtensionSchemaType x when json.ValueKind == JsonValueKind.String:
                ExtensionRegistry.TryGetConstructor(x.Name, out var constructor);
                return constructor!.Invoke([new StringValue(json.GetString()!)]);
        }

        return json.ValueKind switch
        {
            JsonValueKind.True => BoolValue.True,
            JsonValueKind.False => BoolValue.False,
            JsonValueKind.Number => LongValue.Of(json.GetInt64()),
            JsonValueKind.String => new StringValue(json.GetString()!),
            JsonValueKind.Array => new SetValue(json.EnumerateArray().Select(e => Read(e, (type as SetSchemaType)?.Element)).ToList()),
            _ => new RecordValue(json.EnumerateObject().ToDictionary(
                p => p.Name,
                p => Read(p.Value, (type as RecordSchemaType)?.Attributes.GetValueOrDefault(p.Name)?.Type),
                StringComparer.Ordinal)),
        };
    }

    // `{"fn": f, "arg": "text"}` calls a constructor; `{"fn": f, "args": [..]}` any function on decoded values.
    private static Value Call(JsonElement call)
    {
        ExtensionRegistry.TryGet(call.GetProperty("fn").GetString()!, out var function);
        Value[] arguments = call.TryGetProperty("args", out var args)
            ? [.. args.EnumerateArray().Select(a => Read(a, null))]
            : [new StringValue(call.GetProperty("arg").GetString()!)];
        return function!.Invoke(arguments);
    }
}
