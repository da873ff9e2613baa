namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A parsed JSON value that remembers where it was written and keeps repeated keys, so both can be reported.</summary>
internal sealed class JsonNode(JsonKind kind, int offset)
{
    public JsonKind Kind { get; } = kind;

    /// <summary>Character offset of the value's first character.</summary>
    public int Offset { get; } = offset;

    /// <summary>The value of a string, or the text of a number.</summary>
    public string? Text { get; init; }

    /// <summary>An object's members in document order, repeats included.</summary>
    public List<JsonProperty> Properties { get; } = [];

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; } = [];

    /// <summary>How error messages describe the kind of this value.</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}
