using Airlock.Cedar.Values;

namespace Airlock.Cedar.Ast;

/// <summary>A literal: boolean, long, string or entity reference.</summary>
public sealed class LiteralExpr(Value value, SourceSpan span) : Expr(span)
{
    public Value Value { get; } = value;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitLiteral(this);
}
