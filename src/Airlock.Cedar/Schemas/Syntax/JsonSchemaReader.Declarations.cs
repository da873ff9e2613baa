namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>The <c>commonTypes</c>, <c>entityTypes</c> and <c>actions</c> of a namespace.</summary>
internal sealed partial class JsonSchemaReader
{
    private void ReadCommonTypes(RawNamespace ns, JsonNode node, string path)
    {
        if (!IsObject(node, path, "an object of common types"))
        {
            return;
        }

        foreach (var member in UniqueMembers(node, path))
        {
            var memberPath = Child(path, member.Name);
            if (!Identifiers.IsValidIdentifier(member.Name))
            {
                Error(member.Offset, memberPath, $"invalid common type name `{member.Name}`", "a common type name is an identifier that is not a reserved word");
                continue;
            }

            if (ReadType(member.Value, memberPath, 1, TypeSite.CommonType) is { } type)
            {
                ns.CommonTypes.Add(new RawCommonType(member.Name, type, new SourcePosition(member.Offset, memberPath)));
            }
        }
    }

    private void ReadEntityTypes(RawNamespace ns, JsonNode node, string path)
    {
        if (!IsObject(node, path, "an object of entity types"))
        {
            return;
        }

        foreach (var member in UniqueMembers(node, path))
        {
            var memberPath = Child(path, member.Name);
            if (!Identifiers.IsValidIdentifier(member.Name))
            {
                Error(member.Offset, memberPath, $"invalid entity type name `{member.Name}`", "an entity type name is an identifier that is not a reserved word; the namespace gives the rest");
                continue;
            }

            if (ReadEntityType(member, memberPath) is { } entityType)
            {
                ns.EntityTypes.Add(entityType);
            }
        }
    }

    private RawEntityType? ReadEntityType(JsonProperty member, string path)
    {
        var fields = Fields(member.Value, path, "an entity type", ["memberOfTypes", "shape", "tags", "enum", "annotations"], positional: true);
        if (fields is null)
        {
            return null;
        }

        var position = new SourcePosition(member.Offset, path);
        var ok = true;
        if (fields.TryGetValue("annotations", out var annotations))
        {
            ReadAnnotations(annotations, Child(path, "annotations"));
        }

        if (fields.TryGetValue("enum", out var enumNode))
        {
            foreach (var field in new[] { "memberOfTypes", "shape", "tags" })
            {
                if (fields.TryGetValue(field, out var unexpected))
                {
                    Error(unexpected, Child(path, field), $"unexpected field `{field}` in an enumerated entity type", "an entity type with `enum` has no parents, attributes or tags");
                    ok = false;
                }
            }

            var ids = ReadEnumIds(enumNode, Child(path, "enum"));
            return ok && ids is not null ? new RawEntityType(member.Name, position, [], null, null, ids) : null;
        }

        var parents = fields.TryGetValue("memberOfTypes", out var parentsNode)
            ? ReadTypeNameList(parentsNode, Child(path, "memberOfTypes"), "entity type name")
            : [];
        RawType? shape = null;
        if (fields.TryGetValue("shape", out var shapeNode))
        {
            shape = ReadType(shapeNode, Child(path, "shape"), 1);
            ok &= shape is not null;
        }

        RawType? tags = null;
        if (fields.TryGetValue("tags", out var tagsNode))
        {
            tags = ReadType(tagsNode, Child(path, "tags"), 1);
            ok &= tags is not null;
        }

        return ok ? new RawEntityType(member.Name, position, parents, shape, tags, null) : null;
    }

    private List<string>? ReadEnumIds(JsonNode node, string path)
    {
        if (node.Kind != JsonKind.Array || node.Items.Count == 0)
        {
            Error(node, path, $"expected a non-empty array of entity ids, found {(node.Kind == JsonKind.Array ? "an empty array" : node.Describe())}", "list the valid ids as strings, such as `[\"draft\", \"final\"]`");
            return null;
        }

        var ids = new List<string>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            if (item.Kind != JsonKind.String)
            {
                Error(item, $"{path}[{i}]", $"expected an entity id as a string, found {item.Describe()}", "write each id as a JSON string");
                return null;
            }

            if (!ids.Contains(item.Text!))
            {
                ids.Add(item.Text!);
            }
        }

        return ids;
    }

    private bool IsObject(JsonNode node, string path, string what)
    {
        if (node.Kind == JsonKind.Object)
        {
            return true;
        }

        Error(node, path, $"expected {what}, found {node.Describe()}", "write an object keyed by name");
        return false;
    }
}
