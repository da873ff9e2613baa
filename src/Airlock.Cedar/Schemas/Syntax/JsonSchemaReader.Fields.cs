using System.Text;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Field, name and path helpers shared by the JSON reader.</summary>
internal sealed partial class JsonSchemaReader
{
    /// <summary>
    /// Returns the known fields of an object, reporting unknown and repeated ones; null (and an error) when it is not an object.
    /// With <paramref name="positional"/>, an array is also accepted, its items taking the fields in order, because the
    /// reference's JSON library reads a record from an array that way.
    /// </summary>
    private Dictionary<string, JsonNode>? Fields(JsonNode node, string path, string what, string[] allowed, bool positional = false)
    {
        var fields = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (positional && node.Kind == JsonKind.Array)
        {
            if (node.Items.Count > allowed.Length)
            {
                Error(node.Items[allowed.Length], $"{path}[{allowed.Length}]", $"too many items for {what} written as an array", $"an array gives at most {allowed.Length} fields, in the order {Join(allowed)}; write an object instead");
                return null;
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                fields.Add(allowed[i], node.Items[i]);
            }

            return fields;
        }

        if (node.Kind != JsonKind.Object)
        {
            Error(node, path, $"expected {what} (a JSON object), found {node.Describe()}", $"write {what} as an object with the fields {Join(allowed)}");
            return null;
        }

        foreach (var member in UniqueMembers(node, path))
        {
            if (Array.IndexOf(allowed, member.Name) < 0)
            {
                Error(member.Offset, Child(path, member.Name), $"unknown field `{member.Name}` in {what}", $"the fields of {what} are {Join(allowed)}");
            }
            else
            {
                fields.Add(member.Name, member.Value);
            }
        }

        return fields;
    }

    private void RequireFields(JsonNode node, string path, Dictionary<string, JsonNode> fields, params string[] required)
    {
        foreach (var name in required)
        {
            if (!fields.ContainsKey(name))
            {
                Error(node, path, $"missing field `{name}`", $"add `\"{name}\"`; it is required here");
            }
        }
    }

    /// <summary>The members of an object, reporting any key given more than once (only the first is kept).</summary>
    private List<JsonProperty> UniqueMembers(JsonNode node, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<JsonProperty>(node.Properties.Count);
        foreach (var member in node.Properties)
        {
            if (seen.Add(member.Name))
            {
                members.Add(member);
            }
            else
            {
                Error(member.Offset, Child(path, member.Name), $"duplicate key `{member.Name}`", "give each key once");
            }
        }

        return members;
    }

    /// <summary>Reads a string that must be a (possibly qualified) type name.</summary>
    private RawName? ReadTypeName(JsonNode node, string path, string what)
    {
        if (node.Kind != JsonKind.String)
        {
            Error(node, path, $"expected {what} as a string, found {node.Describe()}", "write the name as a JSON string such as `\"NS::User\"`");
            return null;
        }

        if (!Identifiers.IsValidPath(node.Text!))
        {
            Error(node, path, $"invalid {what} `{node.Text}`", "a type name is identifiers joined by `::`, such as `NS::User`, with no spaces or reserved words");
            return null;
        }

        return new RawName(node.Text!, new SourcePosition(node.Offset, path));
    }

    private List<RawName> ReadTypeNameList(JsonNode node, string path, string what)
    {
        var names = new List<RawName>();
        if (node.Kind != JsonKind.Array)
        {
            Error(node, path, $"expected an array of {what}s, found {node.Describe()}", "write a JSON array of type names, such as `[\"User\"]`");
            return names;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            if (ReadTypeName(node.Items[i], $"{path}[{i}]", what) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private void Error(JsonNode node, string path, string message, string help) => Error(node.Offset, path, message, help);

    private void Error(int offset, string path, string message, string help) =>
        diagnostics.Add(source.Diagnostic(new SourcePosition(offset, path), message, help));

    private static string Join(string[] names) => string.Join(", ", names.Select(n => $"`{n}`"));

    /// <summary>Extends a JSON path with an object key, quoting keys that are not plain identifiers.</summary>
    private static string Child(string path, string key)
    {
        if (Identifiers.IsIdentifierSyntax(key))
        {
            return path + "." + key;
        }

        var sb = new StringBuilder(path).Append('[');
        sb.Append(CedarString.Quote(key)).Append(']');
        return sb.ToString();
    }
}
