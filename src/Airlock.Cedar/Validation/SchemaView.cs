using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// The schema as the type checker sees it: entity attributes, tags and action contexts translated to
/// validator types once, plus the hierarchy queries the checks need.
/// </summary>
internal sealed class SchemaView
{
    private readonly Dictionary<string, EntityInfo> entities = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityUid, ActionInfo> actions = [];
    private readonly Dictionary<string, EntityRefType> entityTypeObjects = new(StringComparer.Ordinal);

    public SchemaView(Schema schema)
    {
        Schema = schema;
        foreach (var (name, declaration) in schema.EntityTypes)
        {
            var shape = (RecordType)Translate(declaration.Shape);
            entities[name] = new EntityInfo(
                declaration,
                shape.Attributes,
                shape.IsOpen,
                declaration.Tags is null ? null : Translate(declaration.Tags),
                schema.EntityTypeDescendants(name));
        }

        // Enumerate actions in a fixed order so that every run reports the same errors in the same order.
        foreach (var (uid, declaration) in schema.Actions.OrderBy(a => a.Key.ToString(), StringComparer.Ordinal))
        {
            actions[uid] = new ActionInfo(declaration, (RecordType)Translate(declaration.Context), schema.ActionDescendants(uid));
        }

        EntityTypeNames = [.. entities.Keys.Order(StringComparer.Ordinal)];
        foreach (var name in EntityTypeNames.Concat(actions.Keys.Select(a => a.Type)).Concat(schema.Actions.Values.SelectMany(a => a.PrincipalTypes.Concat(a.ResourceTypes))))
        {
            entityTypeObjects.TryAdd(name, EntityRefType.Of(name));
        }
    }

    public Schema Schema { get; }

    /// <summary>Declared entity types (not action types), in ordinal order.</summary>
    public IReadOnlyList<string> EntityTypeNames { get; }

    /// <summary>Declared actions, in a fixed order.</summary>
    public IEnumerable<ActionInfo> Actions => actions.Values;

    public EntityInfo? GetEntityType(string name) => entities.GetValueOrDefault(name);

    public ActionInfo? GetAction(EntityUid uid) => actions.GetValueOrDefault(uid);

    /// <summary>Any type named <c>Action</c> (in any namespace) counts as known, like in the reference.</summary>
    public bool IsKnownEntityType(string name) => EntityUid.IsActionType(name) || entities.ContainsKey(name);

    /// <summary>The entity types whose entities may be in an entity of <paramref name="entityType"/>, itself included.</summary>
    public IEnumerable<string> EntityTypesIn(string entityType)
    {
        var info = GetEntityType(entityType);
        return info is null ? [entityType] : info.Descendants.Append(entityType);
    }

    /// <summary>Every action in any of <paramref name="groups"/> (the groups included), or null when one is undeclared.</summary>
    public List<EntityUid>? ActionsInSet(IEnumerable<EntityUid> groups)
    {
        var result = new List<EntityUid>();
        foreach (var uid in groups)
        {
            var action = GetAction(uid);
            if (action is null)
            {
                return null;
            }

            result.AddRange(action.Descendants);
            result.Add(uid);
        }

        return result;
    }

    /// <summary>The validator type of entities of <paramref name="name"/>, shared for the schema's own types.</summary>
    public EntityRefType EntityTypeOf(string name) =>
        entityTypeObjects.TryGetValue(name, out var type) ? type : EntityRefType.Of(name);

    /// <summary>The validator type of the literal <paramref name="uid"/>, or null when its type or action is undeclared.</summary>
    public CedarType? TypeOfEntityLiteral(EntityUid uid)
    {
        if (EntityUid.IsActionType(uid.Type))
        {
            return actions.ContainsKey(uid) ? EntityTypeOf(uid.Type) : null;
        }

        return entities.ContainsKey(uid.Type) ? EntityTypeOf(uid.Type) : null;
    }

    /// <summary>Translates a schema type to a validator type.</summary>
    public static CedarType Translate(SchemaType type) => type switch
    {
        PrimitiveSchemaType { Kind: PrimitiveKind.Bool } => BoolType.AnyBool,
        PrimitiveSchemaType { Kind: PrimitiveKind.Long } => LongType.Instance,
        PrimitiveSchemaType => StringType.Instance,
        EntitySchemaType e => EntityRefType.Of(e.Name),
        SetSchemaType s => new SetType(Translate(s.Element)),
        RecordSchemaType r => new RecordType(
            new RecordAttributes(r.Attributes.Select(a => new KeyValuePair<string, AttributeType>(a.Key, new AttributeType(Translate(a.Value.Type), a.Value.Required)))),
            r.AdditionalAttributes),
        ExtensionSchemaType x => new ExtensionType(x.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown schema type"),
    };
}
