namespace Airlock.Cedar.Ast;

/// <summary>A range of character offsets [Start, End) in the source text.</summary>
public readonly record struct SourceSpan(int Start, int End)
{
    public static readonly SourceSpan None = new(0, 0);

    public SourceSpan To(SourceSpan other) => new(Start, other.End);
}
