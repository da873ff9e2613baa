using System.Globalization;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Parsing;

/// <summary>Unary operators, member access, method and function calls.</summary>
internal sealed partial class Parser
{
    private const int MaxUnaryRepeat = 4;

    private Operand ParseUnary()
    {
        var opToken = Current;
        if (opToken.Kind is not (TokenKind.Bang or TokenKind.Minus))
        {
            return ParseMember();
        }

        var count = 0;
        while (Current.Kind == opToken.Kind)
        {
            Advance();
            count++;
        }

        if (count > MaxUnaryRepeat)
        {
            var name = opToken.Kind == TokenKind.Bang ? "!" : "-";
            throw Fail(opToken.Start, $"too many occurrences of `{name}`", "remove the redundant operators; at most four may be chained");
        }

        Expr expr;
        if (opToken.Kind == TokenKind.Minus && Current.Kind == TokenKind.Number && !IsAccessor(Peek()))
        {
            // `-N` is a literal, which is how `-9223372036854775808` can be written.
            var number = Advance();
            if (!ulong.TryParse(text.AsSpan(number.Start, number.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)
                || magnitude > (ulong)long.MaxValue + 1)
            {
                throw Fail(number.Start, $"integer literal `{TextOf(number)}` is too large", "the range of integers is -9223372036854775808 to 9223372036854775807");
            }

            expr = new LiteralExpr(LongValue.Of(magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude), new SourceSpan(opToken.Start, number.End));
            count--;
        }
        else
        {
            expr = ParseMember().ToExpr(this);
        }

        var op = opToken.Kind == TokenKind.Bang ? UnaryOp.Not : UnaryOp.Neg;
        for (var i = 0; i < count; i++)
        {
            expr = new UnaryExpr(op, expr, new SourceSpan(opToken.Start, expr.Span.End));
        }

        return Operand.FromExpr(expr);
    }

    private static bool IsAccessor(Token t) => t.Kind is TokenKind.Dot or TokenKind.LeftParen or TokenKind.LeftBracket;

    private Operand ParseMember()
    {
        var primary = ParsePrimary();
        if (!IsAccessor(Current))
        {
            return primary;
        }

        var start = primary.Span.Start;
        Expr head;
        switch (primary.Kind)
        {
            case OperandKind.Name:
                head = NameWithAccessor(primary);
                break;
            case OperandKind.Var when Current.Kind == TokenKind.LeftParen:
                throw Fail(Current.Start, $"`{VarName(primary.Variable)}` is a variable and cannot be called", "did you mean a method call like `principal.contains(...)`?");
            default:
                head = primary.ToExpr(this);
                break;
        }

        while (IsAccessor(Current))
        {
            head = ApplyAccessor(head, start);
        }

        return Operand.FromExpr(head);
    }

    private Expr NameWithAccessor(Operand name)
    {
        var access = Current;
        if (access.Kind == TokenKind.LeftParen)
        {
            var (args, end) = ParseArguments();
            return BuildFunctionCall(name, args, new SourceSpan(name.Span.Start, end));
        }

        if (access.Kind == TokenKind.Dot)
        {
            var field = Peek();
            var isCall = Peek(2).Kind == TokenKind.LeftParen;
            throw Fail(name.Span.Start, isCall
                ? $"`{name.Name}` does not have methods, `{TextOf(field)}` cannot be called on it"
                : $"invalid member access `{name.Name}.{TextOf(field)}`, `{name.Name}` has no fields or methods");
        }

        throw Fail(name.Span.Start, $"invalid indexing expression on `{name.Name}`", $"`{name.Name}` has no fields");
    }

    private Expr ApplyAccessor(Expr head, int start)
    {
        var access = Advance();
        switch (access.Kind)
        {
            case TokenKind.LeftParen:
                throw Fail(access.Start, "expressions cannot be called as functions", "only extension functions such as `ip(\"…\")` can be called");
            case TokenKind.LeftBracket:
                {
                    var index = ParseExpr();
                    var close = Expect(TokenKind.RightBracket, "`]` after the attribute name");
                    if (index.Kind != OperandKind.String)
                    {
                        throw Fail(index.Span.Start, "invalid string literal: the index of `[…]` must be a string literal", "write `e[\"attribute\"]`");
                    }

                    return new GetAttrExpr(head, UnescapeString(index.Token), new SourceSpan(start, close.End));
                }

            default:
                {
                    var field = Expect(TokenKind.Identifier, "an attribute or method name after `.`");
                    var name = UnreservedIdent(field);
                    if (Current.Kind != TokenKind.LeftParen)
                    {
                        return new GetAttrExpr(head, name, new SourceSpan(start, field.End));
                    }

                    var (args, end) = ParseArguments();
                    return BuildMethodCall(head, name, field, args, new SourceSpan(start, end));
                }
        }
    }

    private (List<Expr> Args, int End) ParseArguments()
    {
        Expect(TokenKind.LeftParen, "`(`");
        var args = new List<Expr>();
        while (Current.Kind != TokenKind.RightParen)
        {
            args.Add(ParseExpr().ToExpr(this));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RightParen, "`)` after the arguments");
        return (args, close.End);
    }

    private Expr BuildMethodCall(Expr receiver, string name, Token nameToken, List<Expr> args, SourceSpan span)
    {
        switch (name)
        {
            case "contains": return new BinaryExpr(BinaryOp.Contains, receiver, SingleArgument(name, args, nameToken), span);
            case "containsAll": return new BinaryExpr(BinaryOp.ContainsAll, receiver, SingleArgument(name, args, nameToken), span);
            case "containsAny": return new BinaryExpr(BinaryOp.ContainsAny, receiver, SingleArgument(name, args, nameToken), span);
            case "getTag": return new BinaryExpr(BinaryOp.GetTag, receiver, SingleArgument(name, args, nameToken), span);
            case "hasTag": return new BinaryExpr(BinaryOp.HasTag, receiver, SingleArgument(name, args, nameToken), span);
            case "isEmpty":
                if (args.Count != 0)
                {
                    throw Fail(nameToken.Start, $"call to `isEmpty` requires exactly 0 arguments, but got {args.Count} arguments");
                }

                return new UnaryExpr(UnaryOp.IsEmpty, receiver, span);
        }

        if (KnownFunctions.IsMethod(name))
        {
            var all = new List<Expr>(args.Count + 1) { receiver };
            all.AddRange(args);
            return new ExtensionCallExpr(name, all, isMethod: true, span);
        }

        if (KnownFunctions.IsFunction(name))
        {
            throw Fail(nameToken.Start, $"`{name}` is a function, not a method", $"use a function-style call `{name}(..)`");
        }

        throw Fail(nameToken.Start, $"`{name}` is not a valid method");
    }

    private Expr SingleArgument(string name, List<Expr> args, Token nameToken) => args.Count == 1
        ? args[0]
        : throw Fail(nameToken.Start, $"call to `{name}` requires exactly 1 argument, but got {args.Count} arguments");

    private Expr BuildFunctionCall(Operand name, List<Expr> args, SourceSpan span)
    {
        var id = name.Name!;
        if (!id.Contains("::", StringComparison.Ordinal)
            && (KnownFunctions.IsMethod(id) || id is "contains" or "containsAll" or "containsAny" or "isEmpty" or "getTag" or "hasTag"))
        {
            throw Fail(span.Start, $"`{id}` is a method, not a function", $"use a method-style call `e.{id}(..)`");
        }

        if (!KnownFunctions.IsFunction(id))
        {
            throw Fail(span.Start, $"`{id}` is not a valid function");
        }

        return new ExtensionCallExpr(id, args, isMethod: false, span);
    }

    internal Expr OperandToExpr(Operand o) => o.Kind switch
    {
        OperandKind.Expr => o.Expression!,
        OperandKind.Var => new VarExpr(o.Variable, o.Span),
        OperandKind.String => new LiteralExpr(new StringValue(UnescapeString(o.Token)), o.Span),
        OperandKind.Bool => new LiteralExpr(BoolValue.Of(IsIdent(o.Token, "true")), o.Span),
        _ => throw Fail(o.Span.Start, $"invalid variable: `{o.Name}`",
            $"the valid Cedar variables are `principal`, `action`, `resource`, and `context`; did you mean to enclose `{o.Name}` in quotes to make a string?"),
    };

    private static string VarName(Var v) => v switch
    {
        Var.Principal => "principal",
        Var.Action => "action",
        Var.Resource => "resource",
        _ => "context",
    };

    private static Var? AsVar(string word) => word switch
    {
        "principal" => Var.Principal,
        "action" => Var.Action,
        "resource" => Var.Resource,
        "context" => Var.Context,
        _ => null,
    };
}
