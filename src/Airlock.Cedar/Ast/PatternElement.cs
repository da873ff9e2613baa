namespace Airlock.Cedar.Ast;

/// <summary>One element of a <c>like</c> pattern: a wildcard or a run of literal text.</summary>
public readonly record struct PatternElement(bool IsWildcard, string Text)
{
    public static readonly PatternElement Wildcard = new(true, "*");

    public static PatternElement Literal(string text) => new(false, text);
}
