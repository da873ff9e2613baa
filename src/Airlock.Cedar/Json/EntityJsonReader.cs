using System.Text.Json;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Json;

/// <summary>
/// Reads an entity set from Cedar's JSON format: an array of <c>{"uid", "attrs", "parents", "tags"}</c>.
/// With a schema, attributes and tags are read by their declared types, each entity is checked against its
/// declaration, and the schema's action entities (with their hierarchy) are added.
/// </summary>
internal static class EntityJsonReader
{
    public static Entities Read(string json, Schema? schema, string? sourceName)
    {
        var what = sourceName ?? "entities";
        using var doc = ValueJsonReader.Parse(json, what);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new CedarException($"{what}: expected a JSON array of entities");
        }

        var entities = new List<Entity>();
        var seen = new HashSet<EntityUid>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var entity = ReadEntity(item, schema);
            if (!seen.Add(entity.Uid))
            {
                throw new CedarException($"{what}: duplicate entity entry `{entity.Uid}`");
            }

            if (schema is not null && entity.Uid.IsAction && schema.ActionEntityTypes.Contains(entity.Uid.Type))
            {
                // The schema's declaration of an action is authoritative; data may repeat it but not contradict it.
                CheckActionAgreesWithSchema(entity, schema);
                continue;
            }

            entities.Add(entity);
        }

        if (schema is not null)
        {
            foreach (var action in schema.Actions.Values)
            {
                entities.Add(new Entity(action.Uid, RecordValue.Empty, action.MemberOf));
            }
        }

        return new Entities(entities);
    }

    private static void CheckActionAgreesWithSchema(Entity action, Schema schema)
    {
        if (!schema.Actions.ContainsKey(action.Uid))
        {
            throw new CedarException($"action `{action.Uid}` in the entity data is not declared in the schema");
        }

        var declared = schema.ActionAncestors(action.Uid);
        var given = new HashSet<EntityUid>();
        foreach (var p in action.Parents)
        {
            given.Add(p);
            given.UnionWith(schema.ActionAncestors(p));
        }

        if (action.Attributes.Count > 0 || action.Tags.Count > 0 || !given.SetEquals(declared))
        {
            throw new CedarException($"action `{action.Uid}` in the entity data does not match its schema declaration");
        }
    }

    private static Entity ReadEntity(JsonElement item, Schema? schema)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException("each entity must be a JSON object with `uid`, `attrs` and `parents`");
        }

        var members = ValueJsonReader.Members(item, "entity");
        if (!members.TryGetValue("uid", out var uidJson))
        {
            throw new CedarException("entity is missing its `uid`");
        }

        var uid = ValueJsonReader.ReadEntityUid(uidJson, "entity uid");
        foreach (var key in members.Keys)
        {
            if (key is not ("uid" or "attrs" or "parents" or "tags"))
            {
                throw new CedarException($"entity `{uid}` has an unknown field `{key}`; expected `uid`, `attrs`, `parents` and `tags`");
            }
        }

        EntityTypeSchema? type = null;
        if (schema is not null && !uid.IsAction)
        {
            if (!schema.EntityTypes.TryGetValue(uid.Type, out type))
            {
                throw new CedarException($"entity `{uid}` has type `{uid.Type}`, which is not declared in the schema");
            }

            if (type.EnumIds is { } ids && !ids.Contains(uid.Id))
            {
                throw new CedarException($"entity `{uid}` is not one of the enumerated ids of `{uid.Type}`");
            }
        }

        var attrs = members.TryGetValue("attrs", out var attrsJson)
            ? ReadAttributes(attrsJson, type?.Shape, uid, "attribute")
            : RecordValue.Empty;
        var tags = members.TryGetValue("tags", out var tagsJson)
            ? ReadTags(tagsJson, type, uid, schema)
            : RecordValue.Empty;
        var parents = new List<EntityUid>();
        if (members.TryGetValue("parents", out var parentsJson))
        {
            if (parentsJson.ValueKind != JsonValueKind.Array)
            {
                throw new CedarException($"the `parents` of entity `{uid}` must be an array");
            }

            foreach (var p in parentsJson.EnumerateArray())
            {
                var parent = ValueJsonReader.ReadEntityUid(p, $"parents of `{uid}`");
                if (type is not null && schema is not null && !schema.EntityTypeAncestors(uid.Type).Contains(parent.Type))
                {
                    throw new CedarException($"entity `{uid}` may not have a parent of type `{parent.Type}` according to the schema");
                }

                parents.Add(parent);
            }
        }

        if (type is not null)
        {
            ValueConformance.CheckEntityAttributes(uid, attrs, type, schema!);
        }

        return new Entity(uid, attrs, parents, tags);
    }

    private static RecordValue ReadAttributes(JsonElement json, RecordSchemaType? shape, EntityUid uid, string what)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException($"the {what}s of entity `{uid}` must be a JSON object");
        }

        return shape is null
            ? (RecordValue)ValueJsonReader.ReadPlainRecord(json, $"{what}s of `{uid}`")
            : (RecordValue)ValueJsonReader.Read(json, shape, $"{what}s of `{uid}`");
    }

    private static RecordValue ReadTags(JsonElement json, EntityTypeSchema? type, EntityUid uid, Schema? schema)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException($"the tags of entity `{uid}` must be a JSON object");
        }

        var members = ValueJsonReader.Members(json, $"tags of `{uid}`");
        if (type is not null && type.Tags is null && members.Count > 0)
        {
            throw new CedarException($"entity `{uid}` has tags, but its type `{uid.Type}` declares none");
        }

        var tags = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            var v = ValueJsonReader.Read(value, type?.Tags, $"tag `{name}` of `{uid}`");
            if (type?.Tags is { } tagType && !ValueConformance.Conforms(v, tagType, schema))
            {
                throw new CedarException($"tag `{name}` of entity `{uid}` is not of type {tagType}");
            }

            tags[name] = v;
        }

        return new RecordValue(tags);
    }
}
