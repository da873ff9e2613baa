using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Parsing;

/// <summary>Expressions, from <c>if</c> down to relations, following Cedar's precedence.</summary>
internal sealed partial class Parser
{
    private Operand ParseExpr()
    {
        EnterNesting(Current.Start);
        try
        {
            if (!IsIdent(Current, "if"))
            {
                return ParseOr();
            }

            var start = Advance().Start;
            var condition = ParseExpr().ToExpr(this);
            ExpectKeyword("then");
            var then = ParseExpr().ToExpr(this);
            ExpectKeyword("else");
            var otherwise = ParseExpr().ToExpr(this);
            return Operand.FromExpr(new IfExpr(condition, then, otherwise, new SourceSpan(start, otherwise.Span.End)));
        }
        finally
        {
            LeaveNesting();
        }
    }

    private void ExpectKeyword(string word)
    {
        if (!IsIdent(Current, word))
        {
            throw Fail(Current.Start, $"unexpected {Describe(Current)}, expected `{word}`");
        }

        Advance();
    }

    private Operand ParseOr()
    {
        var first = ParseAnd();
        if (Current.Kind != TokenKind.OrOr)
        {
            return first;
        }

        var left = first.ToExpr(this);
        while (Accept(TokenKind.OrOr))
        {
            var right = ParseAnd().ToExpr(this);
            left = new OrExpr(left, right, left.Span.To(right.Span));
        }

        return Operand.FromExpr(left);
    }

    private Operand ParseAnd()
    {
        var first = ParseRelation();
        if (Current.Kind != TokenKind.AndAnd)
        {
            return first;
        }

        var left = first.ToExpr(this);
        while (Accept(TokenKind.AndAnd))
        {
            var right = ParseRelation().ToExpr(this);
            left = new AndExpr(left, right, left.Span.To(right.Span));
        }

        return Operand.FromExpr(left);
    }

    private Operand ParseRelation()
    {
        var first = ParseAdd();
        var op = Current;
        Expr result;
        if (RelationalOperator(op) is { } binary)
        {
            Advance();
            var second = ParseAdd();
            if (RelationalOperator(Current) is not null)
            {
                throw Fail(Current.Start, "multiple relational operators (>, ==, in, etc.) must be used with parentheses to make ordering explicit");
            }

            if (op.Kind == TokenKind.Equal)
            {
                throw Fail(op.Start, "`=` is not a valid operator in Cedar", "try using `==` instead");
            }

            var l = first.ToExpr(this);
            var r = second.ToExpr(this);
            result = new BinaryExpr(binary, l, r, l.Span.To(r.Span));
        }
        else if (IsIdent(op, "has"))
        {
            Advance();
            var target = first.ToExpr(this);
            result = BuildHas(target, ParseHasRightSide());
        }
        else if (IsIdent(op, "like"))
        {
            Advance();
            var target = first.ToExpr(this);
            var pattern = ParseLikePattern(out var end);
            result = new LikeExpr(target, pattern, new SourceSpan(target.Span.Start, end));
        }
        else if (IsIdent(op, "is"))
        {
            Advance();
            var target = first.ToExpr(this);
            var typeStart = Current.Start;
            var type = ParseIsTypeName();
            var end = tokens[position - 1].End;
            Expr? inExpr = null;
            if (IsIdent(Current, "in"))
            {
                Advance();
                inExpr = ParseAdd().ToExpr(this);
                end = inExpr.Span.End;
            }

            _ = typeStart;
            result = new IsExpr(target, type, inExpr, new SourceSpan(target.Span.Start, end));
        }
        else
        {
            return first;
        }

        if (RelationalOperator(Current) is not null || IsIdent(Current, "has") || IsIdent(Current, "like") || IsIdent(Current, "is"))
        {
            throw Fail(Current.Start, $"unexpected {Describe(Current)}", "use parentheses to combine relations");
        }

        return Operand.FromExpr(result);
    }

    private BinaryOp? RelationalOperator(Token t) => t.Kind switch
    {
        TokenKind.EqualEqual => BinaryOp.Eq,
        TokenKind.NotEqual => BinaryOp.NotEq,
        TokenKind.Less => BinaryOp.Less,
        TokenKind.LessEqual => BinaryOp.LessEq,
        TokenKind.Greater => BinaryOp.Greater,
        TokenKind.GreaterEqual => BinaryOp.GreaterEq,
        TokenKind.Equal => BinaryOp.Eq,
        TokenKind.Identifier when IsIdent(t, "in") => BinaryOp.In,
        _ => null,
    };

    // `e has a.b.c` means `e has a && e.a has b && e.a.b has c`, nested to the left as the reference builds it.
    private static Expr BuildHas(Expr target, List<(string Name, SourceSpan Span)> attributes)
    {
        var (first, firstSpan) = attributes[0];
        Expr has = new HasAttrExpr(target, first, target.Span.To(firstSpan));
        Expr get = new GetAttrExpr(target, first, target.Span.To(firstSpan));
        for (var i = 1; i < attributes.Count; i++)
        {
            var (name, span) = attributes[i];
            var span2 = target.Span.To(span);
            has = new AndExpr(has, new HasAttrExpr(get, name, span2), span2);
            get = new GetAttrExpr(get, name, span2);
        }

        return has;
    }

    private Operand ParseAdd()
    {
        var first = ParseMult();
        if (Current.Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return first;
        }

        var left = first.ToExpr(this);
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Sub;
            var right = ParseMult().ToExpr(this);
            left = new BinaryExpr(op, left, right, left.Span.To(right.Span));
        }

        return Operand.FromExpr(left);
    }

    private Operand ParseMult()
    {
        var first = ParseUnary();
        if (Current.Kind is not (TokenKind.Star or TokenKind.Slash or TokenKind.Percent))
        {
            return first;
        }

        var left = first.ToExpr(this);
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            if (op.Kind == TokenKind.Slash)
            {
                throw Fail(op.Start, "division is not supported");
            }

            if (op.Kind == TokenKind.Percent)
            {
                throw Fail(op.Start, "remainder/modulo is not supported");
            }

            var right = ParseUnary().ToExpr(this);
            left = new BinaryExpr(BinaryOp.Mul, left, right, left.Span.To(right.Span));
        }

        return Operand.FromExpr(left);
    }
}
