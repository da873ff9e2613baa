using System.Text;
using System.Text.Json;

namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Reads JSON text into <see cref="JsonNode"/>s with character offsets, without recursion.</summary>
internal static class JsonTreeReader
{
    // Deeper documents are refused, like the reference's JSON reader (which stops at 128 levels).
    public const int MaxDepth = 127;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CedarException"/> on malformed JSON.</summary>
    public static JsonNode Read(SourceText text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Text);
        var offsets = new OffsetMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new Stack<JsonNode>();
        string? pendingName = null;
        var pendingNameOffset = 0;
        JsonNode? root = null;
        try
        {
            while (reader.Read())
            {
                var offset = offsets.CharOffset((int)reader.TokenStartIndex);
                JsonNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = ReadString(ref reader, text, offset);
                        pendingNameOffset = offset;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                    case JsonTokenType.StartObject:
                        node = new JsonNode(JsonKind.Object, offset);
                        break;
                    case JsonTokenType.StartArray:
                        node = new JsonNode(JsonKind.Array, offset);
                        break;
                    case JsonTokenType.String:
                        node = new JsonNode(JsonKind.String, offset) { Text = ReadString(ref reader, text, offset) };
                        break;
                    case JsonTokenType.Number:
                        node = new JsonNode(JsonKind.Number, offset) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
                        break;
                    case JsonTokenType.True:
                        node = new JsonNode(JsonKind.True, offset);
                        break;
                    case JsonTokenType.False:
                        node = new JsonNode(JsonKind.False, offset);
                        break;
                    case JsonTokenType.Null:
                        node = new JsonNode(JsonKind.Null, offset);
                        break;
                    default:
                        continue;
                }

                if (stack.Count == 0)
                {
                    root = node;
                }
                else if (stack.Peek().Kind == JsonKind.Object)
                {
                    stack.Peek().Properties.Add(new JsonProperty(pendingName!, pendingNameOffset, node));
                }
                else
                {
                    stack.Peek().Items.Add(node);
                }

                if (node.Kind is JsonKind.Object or JsonKind.Array)
                {
                    stack.Push(node);
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var column = (int)(e.BytePositionInLine ?? 0);
            throw new CedarException([text.Diagnostic(offsets.CharOffsetOfLine(line, column), "invalid JSON: " + Describe(e.Message), "the JSON schema format is a JSON object; check the syntax at this position")]);
        }

        return root ?? throw new CedarException([text.Diagnostic(0, "invalid JSON: the input is empty", "give a JSON object mapping namespace names to namespace definitions")]);
    }

    private static string ReadString(ref Utf8JsonReader reader, SourceText text, int offset)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new CedarException([text.Diagnostic(offset, "invalid JSON string: it contains an unpaired surrogate escape", "use `\\uD83D\\uDE00`-style pairs for characters beyond U+FFFF")]);
        }
    }

    // System.Text.Json messages end with a sentence period and a position; keep just the description.
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut < 0 ? message : message[..cut]).TrimEnd().TrimEnd('.');
        return text.Length == 0 ? "malformed input" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Converts UTF-8 byte offsets back to character offsets in the original string.</summary>
    private sealed class OffsetMap(byte[] bytes)
    {
        private int byteCursor;
        private int charCursor;

        public int CharOffset(int byteOffset)
        {
            if (byteOffset < byteCursor)
            {
                byteCursor = 0;
                charCursor = 0;
            }

            for (; byteCursor < byteOffset && byteCursor < bytes.Length; byteCursor++)
            {
                var b = bytes[byteCursor];
                if ((b & 0xC0) != 0x80)
                {
                    // A four-byte sequence is a surrogate pair: two characters.
                    charCursor += b >= 0xF0 ? 2 : 1;
                }
            }

            return charCursor;
        }

        public int CharOffsetOfLine(int line, int byteInLine)
        {
            var start = 0;
            for (var seen = 0; seen < line && start < bytes.Length; start++)
            {
                if (bytes[start] == '\n')
                {
                    seen++;
                }
            }

            return CharOffset(Math.Min(start + byteInLine, bytes.Length));
        }
    }
}
