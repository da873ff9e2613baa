using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Json;

/// <summary>Checks that runtime values have the types a schema declares.</summary>
internal static class ValueConformance
{
    public static bool Conforms(Value value, SchemaType type, Schema? schema = null) => type switch
    {
        PrimitiveSchemaType p => p.Kind switch
        {
            PrimitiveKind.Bool => value is BoolValue,
            PrimitiveKind.Long => value is LongValue,
            _ => value is StringValue,
        },
        EntitySchemaType e => value is EntityValue ev && ev.Uid.Type == e.Name && IsDeclaredEnumMember(ev.Uid, schema),
        ExtensionSchemaType x => value is ExtensionValue xv && xv.TypeName == x.Name,
        SetSchemaType s => value is SetValue sv && sv.Elements.All(el => Conforms(el, s.Element, schema)),
        RecordSchemaType r => value is RecordValue rv && RecordConforms(rv, r, schema),
        _ => false,
    };

    private static bool RecordConforms(RecordValue value, RecordSchemaType type, Schema? schema)
    {
        foreach (var (name, attr) in type.Attributes)
        {
            if (value.TryGet(name, out var v))
            {
                if (!Conforms(v, attr.Type, schema))
                {
                    return false;
                }
            }
            else if (attr.Required)
            {
                return false;
            }
        }

        return type.AdditionalAttributes || value.Attributes.Keys.All(type.Attributes.ContainsKey);
    }

    public static void CheckEntityAttributes(EntityUid uid, RecordValue attrs, EntityTypeSchema type, Schema schema)
    {
        foreach (var (name, attr) in type.Shape.Attributes)
        {
            if (attrs.TryGet(name, out var v) && !Conforms(v, attr.Type, schema))
            {
                throw new CedarException($"attribute `{name}` of entity `{uid}` is not of type {attr.Type}, as the schema declares");
            }
        }
    }

    // A reference to an entity of an enumerated type must name one of its declared ids.
    private static bool IsDeclaredEnumMember(EntityUid uid, Schema? schema) =>
        schema?.GetEntityType(uid.Type)?.EnumIds is not { } ids || ids.Contains(uid.Id);
}
