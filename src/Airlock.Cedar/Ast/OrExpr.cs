namespace Airlock.Cedar.Ast;

/// <summary>Short-circuiting <c>||</c>.</summary>
public sealed class OrExpr(Expr left, Expr right, SourceSpan span) : Expr(span, HeightOf(left, right))
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitOr(this);
}
