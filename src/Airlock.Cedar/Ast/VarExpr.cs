namespace Airlock.Cedar.Ast;

/// <summary>One of the four request variables.</summary>
public sealed class VarExpr(Var var, SourceSpan span) : Expr(span)
{
    public Var Var { get; } = var;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitVar(this);
}
