namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>The <c>actions</c> of a namespace.</summary>
internal sealed partial class JsonSchemaReader
{
    private void ReadActions(RawNamespace ns, JsonNode node, string path)
    {
        if (!IsObject(node, path, "an object of actions"))
        {
            return;
        }

        foreach (var member in UniqueMembers(node, path))
        {
            if (ReadAction(member, Child(path, member.Name)) is { } action)
            {
                ns.Actions.Add(action);
            }
        }
    }

    private RawAction? ReadAction(JsonProperty member, string path)
    {
        var fields = Fields(member.Value, path, "an action", ["attributes", "appliesTo", "memberOf", "annotations"], positional: true);
        if (fields is null)
        {
            return null;
        }

        var ok = true;
        if (fields.TryGetValue("annotations", out var annotations))
        {
            ReadAnnotations(annotations, Child(path, "annotations"));
        }

        // A null `attributes`, `appliesTo` or `memberOf` counts as absent, as in the reference.
        if (fields.TryGetValue("attributes", out var attributes) && attributes.Kind != JsonKind.Null)
        {
            Error(attributes, Child(path, "attributes"), $"action `{member.Name}` is declared with attributes, which are not supported", "remove `attributes`; put request data in the action's context instead");
            ok = false;
        }

        var parents = new List<RawActionReference>();
        if (fields.TryGetValue("memberOf", out var memberOf) && memberOf.Kind != JsonKind.Null)
        {
            ok &= ReadActionParents(memberOf, Child(path, "memberOf"), parents);
        }

        IReadOnlyList<RawName> principals = [];
        IReadOnlyList<RawName> resources = [];
        RawType? context = null;
        if (fields.TryGetValue("appliesTo", out var appliesTo) && appliesTo.Kind != JsonKind.Null)
        {
            var appliesPath = Child(path, "appliesTo");
            var spec = Fields(appliesTo, appliesPath, "an `appliesTo` object", ["resourceTypes", "principalTypes", "context"], positional: true);
            if (spec is null)
            {
                return null;
            }

            RequireFields(appliesTo, appliesPath, spec, "principalTypes", "resourceTypes");
            ok &= spec.ContainsKey("principalTypes") && spec.ContainsKey("resourceTypes");
            principals = spec.TryGetValue("principalTypes", out var p) ? ReadTypeNameList(p, Child(appliesPath, "principalTypes"), "entity type name") : [];
            resources = spec.TryGetValue("resourceTypes", out var r) ? ReadTypeNameList(r, Child(appliesPath, "resourceTypes"), "entity type name") : [];
            if (spec.TryGetValue("context", out var contextNode))
            {
                context = ReadType(contextNode, Child(appliesPath, "context"), 1);
                ok &= context is not null;
            }
        }

        return ok ? new RawAction(member.Name, new SourcePosition(member.Offset, path), parents, principals, resources, context) : null;
    }

    private bool ReadActionParents(JsonNode node, string path, List<RawActionReference> parents)
    {
        if (node.Kind != JsonKind.Array)
        {
            Error(node, path, $"expected an array of action references, found {node.Describe()}", "write `[{ \"id\": \"parent\" }]`, adding `\"type\": \"NS::Action\"` for an action of another namespace");
            return false;
        }

        var ok = true;
        for (var i = 0; i < node.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var fields = Fields(node.Items[i], itemPath, "an action reference", ["id", "type"], positional: true);
            if (fields is null)
            {
                ok = false;
                continue;
            }

            string? type = null;
            if (fields.TryGetValue("type", out var typeNode) && typeNode.Kind != JsonKind.Null)
            {
                type = ReadTypeName(typeNode, Child(itemPath, "type"), "action type")?.Name;
                ok &= type is not null;
            }

            if (!fields.TryGetValue("id", out var id) || id.Kind != JsonKind.String)
            {
                Error(id ?? node.Items[i], id is null ? itemPath : Child(itemPath, "id"), id is null ? "missing field `id`" : $"expected the action id as a string, found {id.Describe()}", "give the parent action's name as `\"id\"`");
                ok = false;
                continue;
            }

            parents.Add(new RawActionReference(type, id.Text!, new SourcePosition(node.Items[i].Offset, itemPath)));
        }

        return ok;
    }
}
