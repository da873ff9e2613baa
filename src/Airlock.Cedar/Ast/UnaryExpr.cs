namespace Airlock.Cedar.Ast;

/// <summary><c>!e</c>, <c>-e</c>, or <c>e.isEmpty()</c>.</summary>
public sealed class UnaryExpr(UnaryOp op, Expr operand, SourceSpan span) : Expr(span, HeightOf(operand))
{
    public UnaryOp Op { get; } = op;

    public Expr Operand { get; } = operand;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitUnary(this);
}
