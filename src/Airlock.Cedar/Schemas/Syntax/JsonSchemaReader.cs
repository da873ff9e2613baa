namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>
/// Reads the JSON schema format into namespaces of declarations as written, reporting every structural
/// problem (wrong JSON types, unknown, missing or repeated fields, malformed names) with its JSON path.
/// </summary>
internal sealed partial class JsonSchemaReader
{
    private readonly SchemaSource source;
    private readonly List<CedarDiagnostic> diagnostics = [];

    private JsonSchemaReader(SchemaSource source) => this.source = source;

    /// <summary>Reads <paramref name="source"/>; throws <see cref="CedarException"/> with every problem found.</summary>
    public static List<RawNamespace> Read(SchemaSource source)
    {
        var root = JsonTreeReader.Read(source.Text);
        var reader = new JsonSchemaReader(source);
        var namespaces = reader.ReadRoot(root);
        if (reader.diagnostics.Count > 0)
        {
            throw new CedarException(reader.diagnostics);
        }

        return namespaces;
    }

    private List<RawNamespace> ReadRoot(JsonNode root)
    {
        var namespaces = new List<RawNamespace>();
        if (root.Kind != JsonKind.Object)
        {
            Error(root, "$", $"expected a JSON object mapping namespace names to namespace definitions, found {root.Describe()}", "write `{ \"\": { \"entityTypes\": {}, \"actions\": {} } }` for a schema in the empty namespace");
            return namespaces;
        }

        foreach (var member in UniqueMembers(root, "$"))
        {
            var path = Child("$", member.Name);
            if (member.Name.Length > 0 && !Identifiers.IsValidPath(member.Name))
            {
                Error(member.Offset, path, $"invalid namespace name `{member.Name}`", "a namespace name is identifiers joined by `::`, such as `Acme::Docs`, with no spaces or reserved words");
                continue;
            }

            var ns = new RawNamespace(member.Name, new SourcePosition(member.Offset, path));
            ReadNamespace(ns, member.Value, path);
            namespaces.Add(ns);
        }

        return namespaces;
    }

    private void ReadNamespace(RawNamespace ns, JsonNode node, string path)
    {
        var fields = Fields(node, path, "a namespace definition", ["commonTypes", "entityTypes", "actions", "annotations"], positional: true);
        if (fields is null)
        {
            return;
        }

        RequireFields(node, path, fields, "entityTypes", "actions");
        if (fields.TryGetValue("annotations", out var annotations))
        {
            ReadAnnotations(annotations, Child(path, "annotations"));
            // An empty annotations object is allowed there; the reference only refuses actual annotations.
            if (ns.Name.Length == 0 && annotations.Properties.Count > 0)
            {
                Error(annotations, Child(path, "annotations"), "annotations are not allowed on the empty namespace", "remove them, or move the declarations into a named namespace");
            }
        }

        if (fields.TryGetValue("commonTypes", out var commonTypes))
        {
            ReadCommonTypes(ns, commonTypes, Child(path, "commonTypes"));
        }

        if (fields.TryGetValue("entityTypes", out var entityTypes))
        {
            ReadEntityTypes(ns, entityTypes, Child(path, "entityTypes"));
        }

        if (fields.TryGetValue("actions", out var actions))
        {
            ReadActions(ns, actions, Child(path, "actions"));
        }
    }

    // Annotations map identifiers to strings (or null); they are checked and dropped.
    private void ReadAnnotations(JsonNode node, string path)
    {
        if (node.Kind != JsonKind.Object)
        {
            Error(node, path, $"expected an object of annotations, found {node.Describe()}", "write annotations as `{ \"doc\": \"text\" }`");
            return;
        }

        foreach (var member in UniqueMembers(node, path))
        {
            var memberPath = Child(path, member.Name);
            if (!Identifiers.IsIdentifierSyntax(member.Name))
            {
                Error(member.Offset, memberPath, $"invalid annotation name `{member.Name}`", "an annotation name is an identifier such as `doc`");
            }
            else if (member.Value.Kind is not (JsonKind.String or JsonKind.Null))
            {
                Error(member.Value, memberPath, $"expected a string annotation value, found {member.Value.Describe()}", "write the value as a JSON string");
            }
        }
    }
}
