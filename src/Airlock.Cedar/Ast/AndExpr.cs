namespace Airlock.Cedar.Ast;

/// <summary>Short-circuiting <c>&amp;&amp;</c>.</summary>
public sealed class AndExpr(Expr left, Expr right, SourceSpan span) : Expr(span, HeightOf(left, right))
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitAnd(this);
}
