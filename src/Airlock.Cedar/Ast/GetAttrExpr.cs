namespace Airlock.Cedar.Ast;

/// <summary><c>e.attr</c> or <c>e["attr"]</c>.</summary>
public sealed class GetAttrExpr(Expr target, string attribute, SourceSpan span) : Expr(span, HeightOf(target))
{
    public Expr Target { get; } = target;

    public string Attribute { get; } = attribute;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitGetAttr(this);
}
