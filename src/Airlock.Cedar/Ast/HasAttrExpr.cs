namespace Airlock.Cedar.Ast;

/// <summary><c>e has attr</c>.</summary>
public sealed class HasAttrExpr(Expr target, string attribute, SourceSpan span) : Expr(span, HeightOf(target))
{
    public Expr Target { get; } = target;

    public string Attribute { get; } = attribute;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitHasAttr(this);
}
