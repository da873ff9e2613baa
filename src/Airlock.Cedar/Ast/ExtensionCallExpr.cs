namespace Airlock.Cedar.Ast;

/// <summary>An extension function or method call; for a method the receiver is <c>Arguments[0]</c>.</summary>
public sealed class ExtensionCallExpr(string name, IReadOnlyList<Expr> arguments, bool isMethod, SourceSpan span) : Expr(span, HeightOf(arguments))
{
    public string Name { get; } = name;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    public bool IsMethod { get; } = isMethod;

    /// <summary>Resolved by the evaluator on first use; a cache, not part of the tree's meaning.</summary>
    internal object? Resolved { get; set; }

    /// <summary>
    /// The call's value when every argument is a literal: extension functions are pure, so such a call (say
    /// <c>ip("10.0.0.0/8")</c>) gives the same value on every request and is computed once. Errors are not kept.
    /// </summary>
    internal Values.Value? Constant { get; set; }

    /// <summary>True when every argument is a literal, so <see cref="Constant"/> may be kept.</summary>
    internal bool HasOnlyLiteralArguments { get; } = arguments.All(a => a is LiteralExpr);

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitExtensionCall(this);
}
