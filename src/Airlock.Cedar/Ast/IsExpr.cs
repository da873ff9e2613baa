namespace Airlock.Cedar.Ast;

/// <summary><c>e is T</c>, optionally <c>e is T in InExpr</c>.</summary>
public sealed class IsExpr(Expr target, string entityType, Expr? inExpr, SourceSpan span) : Expr(span, inExpr is null ? HeightOf(target) : HeightOf(target, inExpr))
{
    public Expr Target { get; } = target;

    public string EntityType { get; } = entityType;

    public Expr? In { get; } = inExpr;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitIs(this);
}
