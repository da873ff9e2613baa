namespace Airlock.Cedar.Ast;

/// <summary>A binary operator or built-in binary method (<c>contains</c>, <c>getTag</c>, ...).</summary>
public sealed class BinaryExpr(BinaryOp op, Expr left, Expr right, SourceSpan span) : Expr(span, HeightOf(left, right))
{
    public BinaryOp Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBinary(this);
}
