namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Type objects: <c>{"type": "Set", "element": ...}</c> and the rest.</summary>
internal sealed partial class JsonSchemaReader
{
    private static readonly string[] TypeFields = ["type", "element", "attributes", "additionalAttributes", "name"];
    private static readonly string[] AttributeFields = [.. TypeFields, "required", "annotations"];
    private static readonly string[] CommonTypeFields = [.. TypeFields, "annotations"];

    /// <summary>Where a type object appears, which decides the extra fields it may carry.</summary>
    private enum TypeSite
    {
        Plain,
        Attribute,
        CommonType,
    }

    // `level` counts enclosing sets and records, so hostile nesting cannot exhaust the stack.
    private RawType? ReadType(JsonNode node, string path, int level, TypeSite site = TypeSite.Plain)
    {
        if (level > Schema.MaxTypeDepth)
        {
            Error(node, path, $"type is nested more than {Schema.MaxTypeDepth} levels deep", "flatten the type; sets and records may nest at most this deep");
            return null;
        }

        var allowed = site switch
        {
            TypeSite.Attribute => AttributeFields,
            TypeSite.CommonType => CommonTypeFields,
            _ => TypeFields,
        };
        var fields = Fields(node, path, "a type", allowed);
        if (fields is null)
        {
            return null;
        }

        if (fields.TryGetValue("annotations", out var annotations))
        {
            ReadAnnotations(annotations, Child(path, "annotations"));
        }

        if (fields.TryGetValue("required", out var required) && required.Kind is not (JsonKind.True or JsonKind.False))
        {
            Error(required, Child(path, "required"), $"expected `true` or `false` for `required`, found {required.Describe()}", "attributes are required unless `\"required\": false`");
        }

        if (!fields.TryGetValue("type", out var typeNode))
        {
            Error(node, path, "missing field `type`", "every type object names its kind, as in `{ \"type\": \"Long\" }`");
            return null;
        }

        if (typeNode.Kind != JsonKind.String)
        {
            Error(typeNode, Child(path, "type"), $"expected a string for `type`, found {typeNode.Describe()}", "write the type's kind as a string, such as `\"Long\"` or `\"Record\"`");
            return null;
        }

        var position = new SourcePosition(node.Offset, path);
        var kind = typeNode.Text!;
        switch (kind)
        {
            case "String":
            case "Long":
            case "Boolean":
                return NoOtherFields(fields, path, kind, [])
                    ? new RawPrimitiveType(kind == "String" ? PrimitiveKind.String : kind == "Long" ? PrimitiveKind.Long : PrimitiveKind.Bool, position)
                    : null;
            case "Set":
                return ReadSet(fields, node, path, level, position);
            case "Record":
                return ReadRecord(fields, node, path, level, position);
            case "Entity":
            case "EntityOrCommon":
                return ReadNamedReference(fields, node, path, kind, position);
            case "Extension":
                return ReadExtension(fields, node, path, position);
            default:
                if (!NoOtherFields(fields, path, kind, []))
                {
                    return null;
                }

                if (!Identifiers.IsValidPath(kind))
                {
                    Error(typeNode, Child(path, "type"), $"invalid common type name `{kind}`", "`type` is `String`, `Long`, `Boolean`, `Set`, `Record`, `Entity`, `EntityOrCommon`, `Extension` or the name of a common type");
                    return null;
                }

                return new RawTypeReference(kind, ReferenceKind.Common, position);
        }
    }

    private RawSetType? ReadSet(Dictionary<string, JsonNode> fields, JsonNode node, string path, int level, SourcePosition position)
    {
        if (!NoOtherFields(fields, path, "Set", ["element"]))
        {
            return null;
        }

        if (!fields.TryGetValue("element", out var elementNode))
        {
            Error(node, path, "missing field `element`", "a set type gives its element type, as in `{ \"type\": \"Set\", \"element\": { \"type\": \"String\" } }`");
            return null;
        }

        var element = ReadType(elementNode, Child(path, "element"), level + 1);
        return element is null ? null : new RawSetType(element, position);
    }

    private RawRecordType? ReadRecord(Dictionary<string, JsonNode> fields, JsonNode node, string path, int level, SourcePosition position)
    {
        if (!NoOtherFields(fields, path, "Record", ["attributes", "additionalAttributes"]))
        {
            return null;
        }

        if (fields.TryGetValue("additionalAttributes", out var open))
        {
            if (open.Kind == JsonKind.True)
            {
                // The reference accepts open records only with its experimental partial-validation feature.
                Error(open, Child(path, "additionalAttributes"), "records with `additionalAttributes` are not supported", "remove `additionalAttributes` or set it to `false`, and declare every attribute");
            }
            else if (open.Kind != JsonKind.False)
            {
                Error(open, Child(path, "additionalAttributes"), $"expected `true` or `false` for `additionalAttributes`, found {open.Describe()}", "leave it out; records are closed");
            }
        }

        if (!fields.TryGetValue("attributes", out var attributesNode))
        {
            Error(node, path, "missing field `attributes`", "a record type lists its attributes, as in `{ \"type\": \"Record\", \"attributes\": {} }`");
            return null;
        }

        var attributesPath = Child(path, "attributes");
        if (attributesNode.Kind != JsonKind.Object)
        {
            Error(attributesNode, attributesPath, $"expected an object of attributes, found {attributesNode.Describe()}", "map each attribute name to its type object");
            return null;
        }

        var attributes = new List<RawAttribute>();
        var ok = true;
        foreach (var member in UniqueMembers(attributesNode, attributesPath))
        {
            var memberPath = Child(attributesPath, member.Name);
            var type = ReadType(member.Value, memberPath, level + 1, TypeSite.Attribute);
            if (type is null)
            {
                ok = false;
                continue;
            }

            var required = !(member.Value.Properties.FirstOrDefault(p => p.Name == "required")?.Value.Kind == JsonKind.False);
            attributes.Add(new RawAttribute(member.Name, type, required, new SourcePosition(member.Offset, memberPath)));
        }

        return ok ? new RawRecordType(attributes, position) : null;
    }

    private RawTypeReference? ReadNamedReference(Dictionary<string, JsonNode> fields, JsonNode node, string path, string kind, SourcePosition position)
    {
        if (!NoOtherFields(fields, path, kind, ["name"]))
        {
            return null;
        }

        if (!fields.TryGetValue("name", out var nameNode))
        {
            Error(node, path, "missing field `name`", $"give the type's name, as in `{{ \"type\": \"{kind}\", \"name\": \"User\" }}`");
            return null;
        }

        var name = ReadTypeName(nameNode, Child(path, "name"), kind == "Entity" ? "entity type name" : "type name");
        return name is null
            ? null
            : new RawTypeReference(name.Name, kind == "Entity" ? ReferenceKind.Entity : ReferenceKind.CommonOrEntity, position);
    }

    private RawExtensionType? ReadExtension(Dictionary<string, JsonNode> fields, JsonNode node, string path, SourcePosition position)
    {
        if (!NoOtherFields(fields, path, "Extension", ["name"]))
        {
            return null;
        }

        if (!fields.TryGetValue("name", out var nameNode))
        {
            Error(node, path, "missing field `name`", "give the extension type's name, as in `{ \"type\": \"Extension\", \"name\": \"ipaddr\" }`");
            return null;
        }

        if (nameNode.Kind != JsonKind.String)
        {
            Error(nameNode, Child(path, "name"), $"expected the extension type name as a string, found {nameNode.Describe()}", "write the name as a string such as `\"decimal\"`");
            return null;
        }

        var type = ExtensionSchemaType.Find(nameNode.Text!);
        if (type is null)
        {
            Error(nameNode, Child(path, "name"), $"unknown extension type `{nameNode.Text}`", "the extension types are `ipaddr`, `decimal`, `datetime` and `duration`");
            return null;
        }

        return new RawExtensionType(type, position);
    }

    // Fields of the type grammar that this kind of type does not take are errors.
    private bool NoOtherFields(Dictionary<string, JsonNode> fields, string path, string kind, string[] allowed)
    {
        var ok = true;
        foreach (var field in new[] { "element", "attributes", "additionalAttributes", "name" })
        {
            if (fields.TryGetValue(field, out var value) && Array.IndexOf(allowed, field) < 0)
            {
                Error(value, Child(path, field), $"unexpected field `{field}` for type `{kind}`", allowed.Length == 0 ? $"a `{kind}` type has no other fields" : $"a `{kind}` type takes only {Join(allowed)}");
                ok = false;
            }
        }

        return ok;
    }
}
