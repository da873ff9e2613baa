using System.Text;
using System.Text.Json;

namespace Airlock.Core.Policies;

/// <summary>
/// A JSON request body as policy sees it: every scalar leaf, keyed by its RFC 6901 JSON pointer (<c>/title</c>,
/// <c>/labels/0</c>), with its value as text (strings unquoted, numbers as written, <c>true</c>, <c>false</c>,
/// <c>null</c>). A body that is not one well-formed JSON value, nests deeper than <see cref="MaxDepth"/>, has more than
/// <see cref="MaxFields"/> leaves or repeats a member name gives no fields at all: a partial or ambiguous view (an
/// upstream may read a repeated member differently) could let a call past a policy that looks for a field.
/// </summary>
public static class JsonBodyFields
{
    public const int MaxDepth = 16;

    public const int MaxFields = 256;

    /// <summary>The fields of <paramref name="json"/>, or null when it cannot be shown whole.</summary>
    public static IReadOnlyDictionary<string, string>? TryRead(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<Container>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        path.Add(new Container(isArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        path.Add(new Container(isArray: true));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Advance(path);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!path[^1].Names!.Add(name))
                        {
                            return null;
                        }

                        path[^1].Member = name;
                        break;
                    default:
                        if (fields.Count == MaxFields)
                        {
                            return null;
                        }

                        fields[Pointer(path)] = Text(ref reader);
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return fields;
    }

    private static string Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    // After a value inside an array, the next one has the next index.
    private static void Advance(List<Container> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1].Index++;
        }
    }

    private static string Pointer(List<Container> path)
    {
        var pointer = new StringBuilder();
        foreach (var level in path)
        {
            pointer.Append('/');
            if (level.IsArray)
            {
                pointer.Append(level.Index);
            }
            else
            {
                pointer.Append(level.Member!.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return pointer.ToString();
    }

    // One open object or array: the member or index the reader is at, and an object's names so far.
    private sealed class Container(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public HashSet<string>? Names { get; } = isArray ? null : new(StringComparer.Ordinal);

        public string? Member { get; set; }

        public int Index { get; set; }
    }
}
