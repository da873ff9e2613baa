namespace Airlock.Cedar.Ast;

/// <summary>A record literal <c>{a: 1, "b": 2}</c>; attribute names are unique.</summary>
public sealed class RecordExpr(IReadOnlyList<KeyValuePair<string, Expr>> attributes, SourceSpan span) : Expr(span, HeightOf(attributes.Select(a => a.Value)))
{
    public IReadOnlyList<KeyValuePair<string, Expr>> Attributes { get; } = attributes;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitRecord(this);
}
