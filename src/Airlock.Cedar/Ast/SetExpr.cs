namespace Airlock.Cedar.Ast;

/// <summary>A set literal <c>[a, b]</c>.</summary>
public sealed class SetExpr(IReadOnlyList<Expr> elements, SourceSpan span) : Expr(span, HeightOf(elements))
{
    public IReadOnlyList<Expr> Elements { get; } = elements;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSet(this);
}
