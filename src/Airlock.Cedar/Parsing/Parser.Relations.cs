using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Parsing;

/// <summary>The special right-hand sides of <c>has</c>, <c>like</c> and <c>is</c>.</summary>
internal sealed partial class Parser
{
    private static bool ContinuesAdd(Token t) => t.Kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star
        or TokenKind.Slash or TokenKind.Percent or TokenKind.Dot or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.DoubleColon;

    private List<(string Name, SourceSpan Span)> ParseHasRightSide()
    {
        var t = Current;
        var attributes = new List<(string, SourceSpan)>();
        if (t.Kind == TokenKind.String)
        {
            Advance();
            attributes.Add((UnescapeString(t), new SourceSpan(t.Start, t.End)));
        }
        else if (t.Kind == TokenKind.Identifier)
        {
            var word = TextOf(t);
            if (ReservedWords.Contains(word))
            {
                throw Fail(t.Start, $"this identifier is reserved and cannot be used: `{word}`");
            }

            var path = ParseNamePath();
            if (Current.Kind == TokenKind.DoubleColon)
            {
                throw Fail(t.Start, "invalid RHS of a `has` operation", "valid RHS of a `has` operation is either a sequence of identifiers separated by `.` or a string literal");
            }

            if (path.Count > 1)
            {
                throw Fail(t.Start, $"`{string.Join("::", path.Select(TextOf))}` cannot be used as an attribute as it contains a namespace");
            }

            attributes.Add((AsVar(word) is null ? ValidateName(path) : word, new SourceSpan(t.Start, t.End)));
            while (Current.Kind == TokenKind.Dot && Peek().Kind == TokenKind.Identifier && Peek(2).Kind != TokenKind.LeftParen)
            {
                Advance();
                var field = Advance();
                attributes.Add((UnreservedIdent(field), new SourceSpan(field.Start, field.End)));
            }
        }
        else
        {
            throw Fail(t.Start, "invalid RHS of a `has` operation", "valid RHS of a `has` operation is either a sequence of identifiers separated by `.` or a string literal");
        }

        if (ContinuesAdd(Current))
        {
            throw Fail(t.Start, "invalid RHS of a `has` operation", "valid RHS of a `has` operation is either a sequence of identifiers separated by `.` or a string literal");
        }

        return attributes;
    }

    private Pattern ParseLikePattern(out int end)
    {
        var t = Current;
        if (t.Kind != TokenKind.String || ContinuesAdd(Peek()))
        {
            throw Fail(t.Start, "the right-hand side of `like` must be a string literal pattern", "write a pattern like `\"prefix*\"`");
        }

        Advance();
        end = t.End;
        var error = StringEscapes.TryUnescapePattern(text.AsSpan(t.Start + 1, t.Length - 2), out var pattern);
        return error is null ? pattern : throw Fail(t.Start, error);
    }

    // `is` takes a bare entity type name; a variable keyword names a type of that name.
    private string ParseIsTypeName()
    {
        var t = Current;
        if (t.Kind != TokenKind.Identifier || TextOf(t) is "true" or "false" or "if")
        {
            throw Fail(t.Start, "the right-hand side of `is` must be an entity type name", "write `e is Namespace::Type`");
        }

        var path = ParseNamePath();
        if (ContinuesAdd(Current))
        {
            throw Fail(t.Start, "the right-hand side of `is` must be an entity type name", "write `e is Namespace::Type`");
        }

        return ValidateName(path);
    }

    private string ParseEntityTypeName() => ParseIsTypeName();
}
