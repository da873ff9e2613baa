namespace Airlock.Cedar.Ast;

/// <summary>A Cedar expression node. Nodes are immutable and carry their source span for error reporting.</summary>
public abstract class Expr
{
    protected Expr(SourceSpan span, int height = 1)
    {
        Span = span;
        Height = height;
    }

    public SourceSpan Span { get; }

    /// <summary>The height of this tree (1 for a leaf); the parser bounds it so evaluation cannot exhaust the stack.</summary>
    public int Height { get; }

    protected static int HeightOf(Expr a) => a.Height + 1;

    protected static int HeightOf(Expr a, Expr b) => Math.Max(a.Height, b.Height) + 1;

    protected static int HeightOf(IEnumerable<Expr> items)
    {
        var h = 0;
        foreach (var e in items)
        {
            h = Math.Max(h, e.Height);
        }

        return h + 1;
    }

    public abstract TResult Accept<TResult>(IExprVisitor<TResult> visitor);
}
