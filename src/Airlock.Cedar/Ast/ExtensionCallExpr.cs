namespace Airlock.Cedar.Ast;

/// <summary>An extension function or method call; for a method the receiver is <c>Arguments[0]</c>.</summary>
public sealed class ExtensionCallExpr(string name, IReadOnlyList<Expr> arguments, bool isMethod, SourceSpan span) : Expr(span, HeightOf(arguments))
{
    public string Name { get; } = name;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    public bool IsMethod { get; } = isMethod;

    /// <summary>Resolved by the evaluator on first use; a cache, not part of the tree's meaning.</summary>
    internal object? Resolved { get; set; }

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitExtensionCall(this);
}
