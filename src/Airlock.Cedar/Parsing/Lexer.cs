namespace Airlock.Cedar.Parsing;

/// <summary>Splits Cedar policy text into tokens; whitespace and <c>//</c> comments are skipped.</summary>
internal static class Lexer
{
    /// <summary>Tokenizes all of <paramref name="text"/>; the list always ends with an <see cref="TokenKind.End"/> token.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 3 + 4);
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, text.Length));
                return tokens;
            }

            var start = i;
            var kind = Next(text, ref i);
            tokens.Add(new Token(kind, start, i));
        }
    }

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
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

    private static TokenKind Next(string text, ref int i)
    {
        var c = text[i];
        if (IsIdentStart(c))
        {
            i = ScanIdent(text, i);
            return TokenKind.Identifier;
        }

        if (c is >= '0' and <= '9')
        {
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            return TokenKind.Number;
        }

        if (c == '"')
        {
            return ScanString(text, ref i);
        }

        if (c == '?' && i + 1 < text.Length && IsIdentStart(text[i + 1]))
        {
            i = ScanIdent(text, i + 1);
            return TokenKind.Slot;
        }

        i++;
        var next = i < text.Length ? text[i] : '\0';
        switch (c)
        {
            case '@': return TokenKind.At;
            case '.': return TokenKind.Dot;
            case ',': return TokenKind.Comma;
            case ';': return TokenKind.Semicolon;
            case ':':
                return Pair(next, ':', ref i, TokenKind.DoubleColon, TokenKind.Colon);
            case '(': return TokenKind.LeftParen;
            case ')': return TokenKind.RightParen;
            case '{': return TokenKind.LeftBrace;
            case '}': return TokenKind.RightBrace;
            case '[': return TokenKind.LeftBracket;
            case ']': return TokenKind.RightBracket;
            case '=': return Pair(next, '=', ref i, TokenKind.EqualEqual, TokenKind.Equal);
            case '!': return Pair(next, '=', ref i, TokenKind.NotEqual, TokenKind.Bang);
            case '<': return Pair(next, '=', ref i, TokenKind.LessEqual, TokenKind.Less);
            case '>': return Pair(next, '=', ref i, TokenKind.GreaterEqual, TokenKind.Greater);
            case '|': return Pair(next, '|', ref i, TokenKind.OrOr, TokenKind.Invalid);
            case '&': return Pair(next, '&', ref i, TokenKind.AndAnd, TokenKind.Invalid);
            case '+': return TokenKind.Plus;
            case '-': return TokenKind.Minus;
            case '*': return TokenKind.Star;
            case '/': return TokenKind.Slash;
            case '%': return TokenKind.Percent;
            default:
                if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                {
                    i++;
                }

                return TokenKind.Invalid;
        }
    }

    private static TokenKind Pair(char next, char expected, ref int i, TokenKind two, TokenKind one)
    {
        if (next == expected)
        {
            i++;
            return two;
        }

        return one;
    }

    // A string runs to the next unescaped quote; escapes are checked later, when the literal is used.
    private static TokenKind ScanString(string text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                // The reference lexer's `\\.` does not match a backslash before a line feed.
                if (i + 1 >= text.Length || text[i + 1] == '\n')
                {
                    break;
                }

                i += 2;
                continue;
            }

            i++;
            if (c == '"')
            {
                return TokenKind.String;
            }
        }

        i = text.Length;
        return TokenKind.Invalid;
    }

    private static int ScanIdent(string text, int i)
    {
        i++;
        while (i < text.Length && IsIdentPart(text[i]))
        {
            i++;
        }

        return i;
    }

    public static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    public static bool IsIdentPart(char c) => IsIdentStart(c) || c is >= '0' and <= '9';
}
