namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Splits human-readable schema text into tokens, skipping whitespace and <c>//</c> comments.</summary>
internal static class SchemaLexer
{
    /// <summary>Tokenizes <paramref name="text"/>; stops at the first text that is not a token, which becomes an invalid token.</summary>
    public static List<SchemaToken> Tokenize(string text)
    {
        var tokens = new List<SchemaToken>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new SchemaToken(SchemaTokenKind.End, text.Length, string.Empty));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            if (token.Kind == SchemaTokenKind.Invalid)
            {
                return tokens;
            }

            i += token.Text.Length;
        }
    }

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static SchemaToken Next(string text, int i)
    {
        var c = text[i];
        if (Identifiers.IsIdentifierStart(c))
        {
            var end = i + 1;
            while (end < text.Length && Identifiers.IsIdentifierPart(text[end]))
            {
                end++;
            }

            return new SchemaToken(SchemaTokenKind.Identifier, i, text[i..end]);
        }

        if (char.IsAsciiDigit(c))
        {
            var end = i + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            return new SchemaToken(SchemaTokenKind.Number, i, text[i..end]);
        }

        if (c == '"')
        {
            return LexString(text, i);
        }

        if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
        {
            return new SchemaToken(SchemaTokenKind.DoubleColon, i, "::");
        }

        var kind = c switch
        {
            ',' => SchemaTokenKind.Comma,
            ';' => SchemaTokenKind.Semicolon,
            ':' => SchemaTokenKind.Colon,
            '{' => SchemaTokenKind.LeftBrace,
            '}' => SchemaTokenKind.RightBrace,
            '[' => SchemaTokenKind.LeftBracket,
            ']' => SchemaTokenKind.RightBracket,
            '<' => SchemaTokenKind.LessThan,
            '>' => SchemaTokenKind.GreaterThan,
            '=' => SchemaTokenKind.Equals,
            '?' => SchemaTokenKind.Question,
            '@' => SchemaTokenKind.At,
            '(' => SchemaTokenKind.LeftParen,
            ')' => SchemaTokenKind.RightParen,
            _ => SchemaTokenKind.Invalid,
        };
        if (kind != SchemaTokenKind.Invalid)
        {
            return new SchemaToken(kind, i, c.ToString());
        }

        var shown = char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : c.ToString();
        return new SchemaToken(SchemaTokenKind.Invalid, i, shown, $"unexpected character `{shown}`");
    }

    private static SchemaToken LexString(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return new SchemaToken(SchemaTokenKind.String, start, text[start..(i + 1)]);
            }

            if (c == '\\')
            {
                // The reference's token pattern lets `\` escape any character except a line feed.
                if (i + 1 >= text.Length || text[i + 1] == '\n')
                {
                    break;
                }

                i += char.IsSurrogatePair(text, i + 1) ? 3 : 2;
                continue;
            }

            i++;
        }

        return new SchemaToken(SchemaTokenKind.Invalid, start, "\"", "unterminated string literal");
    }
}
