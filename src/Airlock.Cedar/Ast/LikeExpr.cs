namespace Airlock.Cedar.Ast;

/// <summary><c>e like "pat*tern"</c>.</summary>
public sealed class LikeExpr(Expr target, Pattern pattern, SourceSpan span) : Expr(span, HeightOf(target))
{
    public Expr Target { get; } = target;

    public Pattern Pattern { get; } = pattern;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitLike(this);
}
