using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Json;

/// <summary>Checks that runtime values have the types a schema declares.</summary>
internal static class ValueConformance
{
    public static bool Conforms(Value value, SchemaType type) => type switch
    {
        PrimitiveSchemaType p => p.Kind switch
        {
            PrimitiveKind.Bool => value is BoolValue,
            PrimitiveKind.Long => value is LongValue,
            _ => value is StringValue,
        },
        EntitySchemaType e => value is EntityValue ev && ev.Uid.Type == e.Name,
        ExtensionSchemaType x => value is ExtensionValue xv && xv.TypeName == x.Name,
        SetSchemaType s => value is SetValue sv && sv.Elements.All(el => Conforms(el, s.Element)),
        RecordSchemaType r => value is RecordValue rv && RecordConforms(rv, r),
        _ => false,
    };

    private static bool RecordConforms(RecordValue value, RecordSchemaType type)
    {
        foreach (var (name, attr) in type.Attributes)
        {
            if (value.TryGet(name, out var v))
            {
                if (!Conforms(v, attr.Type))
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

    public static void CheckEntityAttributes(EntityUid uid, RecordValue attrs, EntityTypeSchema type)
    {
        foreach (var (name, attr) in type.Shape.Attributes)
        {
            if (attrs.TryGet(name, out var v) && !Conforms(v, attr.Type))
            {
                throw new CedarException($"attribute `{name}` of entity `{uid}` is not of type {attr.Type}, as the schema declares");
            }
        }
    }
}
