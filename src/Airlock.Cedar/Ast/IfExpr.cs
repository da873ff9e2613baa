namespace Airlock.Cedar.Ast;

/// <summary><c>if Condition then Then else Else</c>.</summary>
public sealed class IfExpr(Expr condition, Expr then, Expr @else, SourceSpan span) : Expr(span, Math.Max(condition.Height + 1, HeightOf(then, @else)))
{
    public Expr Condition { get; } = condition;

    public Expr Then { get; } = then;

    public Expr Else { get; } = @else;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitIf(this);
}
