using System.Globalization;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Parsing;

/// <summary>Primary expressions: literals, variables, names, entity references, sets and records.</summary>
internal sealed partial class Parser
{
    private Operand ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                {
                    Advance();
                    if (!long.TryParse(text.AsSpan(t.Start, t.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        throw Fail(t.Start, $"integer literal `{TextOf(t)}` is too large", "the range of integers is -9223372036854775808 to 9223372036854775807");
                    }

                    return Operand.FromExpr(new LiteralExpr(LongValue.Of(value), new SourceSpan(t.Start, t.End)));
                }

            case TokenKind.String:
                Advance();
                return Operand.FromString(t);
            case TokenKind.Slot:
                {
                    Advance();
                    var name = TextOf(t);
                    var slot = name switch
                    {
                        "?principal" => SlotId.Principal,
                        "?resource" => SlotId.Resource,
                        _ => throw Fail(t.Start, $"`{name}` is not a valid template slot", "a template slot may only be `?principal` or `?resource`"),
                    };
                    return Operand.FromExpr(new SlotExpr(slot, new SourceSpan(t.Start, t.End)));
                }

            case TokenKind.LeftParen:
                {
                    Advance();
                    var inner = ParseExpr().ToExpr(this);
                    Expect(TokenKind.RightParen, "`)`");
                    return Operand.FromExpr(inner);
                }

            case TokenKind.LeftBracket:
                return Operand.FromExpr(ParseSetLiteral());
            case TokenKind.LeftBrace:
                return Operand.FromExpr(ParseRecordLiteral());
            case TokenKind.Identifier:
                return ParseNameOrReference();
            default:
                throw Fail(t.Start, $"unexpected {Describe(t)}", t.Kind == TokenKind.Invalid ? "check for an unclosed string or a stray character" : null);
        }
    }

    private Operand ParseNameOrReference()
    {
        var first = Current;
        var word = TextOf(first);
        if (word is "true" or "false")
        {
            Advance();
            return Operand.FromBool(first);
        }

        if (word == "if")
        {
            throw Fail(first.Start, "unexpected `if`", "wrap the `if` expression in parentheses");
        }

        var path = ParseNamePath();
        var span = new SourceSpan(first.Start, path[^1].End);
        if (Current.Kind == TokenKind.DoubleColon)
        {
            var after = Peek();
            if (after.Kind == TokenKind.String)
            {
                Advance();
                Advance();
                var uid = new EntityUid(ValidateName(path), UnescapeString(after));
                return Operand.FromExpr(new LiteralExpr(new EntityValue(uid), new SourceSpan(first.Start, after.End)));
            }

            if (after.Kind == TokenKind.LeftBrace)
            {
                throw Fail(first.Start, "invalid entity literal", "entity literals are written `Type::\"id\"`");
            }

            throw Fail(after.Start, $"unexpected {Describe(after)} after `::`");
        }

        if (path.Count == 1 && AsVar(word) is { } v)
        {
            return Operand.FromVar(v, span);
        }

        return Operand.FromName(ValidateName(path), span);
    }

    // Identifier (`::` Identifier)*, stopping before `::` that starts an entity id.
    private List<Token> ParseNamePath()
    {
        var path = new List<Token> { Expect(TokenKind.Identifier, "a name") };
        while (Current.Kind == TokenKind.DoubleColon && Peek().Kind == TokenKind.Identifier)
        {
            Advance();
            path.Add(Advance());
        }

        return path;
    }

    private string ValidateName(List<Token> path)
    {
        foreach (var part in path)
        {
            var word = TextOf(part);
            if (ReservedWords.Contains(word))
            {
                throw Fail(part.Start, $"this identifier is reserved and cannot be used: `{word}`");
            }

            if (word == "__cedar")
            {
                throw Fail(part.Start, $"the name `{string.Join("::", path.Select(TextOf))}` contains `__cedar`, which is reserved");
            }
        }

        return path.Count == 1 ? TextOf(path[0]) : string.Join("::", path.Select(TextOf));
    }

    private string UnreservedIdent(Token t)
    {
        var word = TextOf(t);
        if (ReservedWords.Contains(word))
        {
            throw Fail(t.Start, $"this identifier is reserved and cannot be used: `{word}`");
        }

        if (word == "__cedar")
        {
            throw Fail(t.Start, "`__cedar` is reserved and cannot be used as an attribute name");
        }

        return word;
    }

    private Expr ParseSetLiteral()
    {
        var open = Advance();
        var elements = new List<Expr>();
        while (Current.Kind != TokenKind.RightBracket)
        {
            elements.Add(ParseExpr().ToExpr(this));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RightBracket, "`]` to end the set");
        return new SetExpr(elements, new SourceSpan(open.Start, close.End));
    }

    private Expr ParseRecordLiteral()
    {
        var open = Advance();
        EnterNesting(open.Start);
        var attributes = new List<KeyValuePair<string, Expr>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Current.Kind != TokenKind.RightBrace)
        {
            var keyStart = Current.Start;
            if (IsIdent(Current, "if") && Peek().Kind == TokenKind.Colon)
            {
                throw Fail(keyStart, "this identifier is reserved and cannot be used: `if`");
            }

            var key = RecordKey(ParseExpr());
            Expect(TokenKind.Colon, "`:` after the attribute name");
            var value = ParseExpr().ToExpr(this);
            if (!seen.Add(key))
            {
                throw Fail(keyStart, $"duplicate key `{key}` in record literal");
            }

            attributes.Add(new(key, value));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RightBrace, "`}` to end the record");
        LeaveNesting();
        return new RecordExpr(attributes, new SourceSpan(open.Start, close.End));
    }

    private string RecordKey(Operand key) => key.Kind switch
    {
        OperandKind.Var => VarName(key.Variable),
        OperandKind.String => UnescapeString(key.Token),
        OperandKind.Name when !key.Name!.Contains("::", StringComparison.Ordinal) => key.Name,
        OperandKind.Name => throw Fail(key.Span.Start, $"`{key.Name}` cannot be used as an attribute as it contains a namespace"),
        OperandKind.Bool => throw Fail(key.Span.Start, $"this identifier is reserved and cannot be used: `{TextOf(key.Token)}`"),
        _ => throw Fail(key.Span.Start, "invalid attribute name", "attribute names can either be identifiers or string literals"),
    };

    private string UnescapeString(Token t)
    {
        var error = StringEscapes.TryUnescape(text.AsSpan(t.Start + 1, t.Length - 2), out var value);
        return error is null ? value : throw Fail(t.Start, error);
    }
}
