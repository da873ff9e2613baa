namespace Airlock.Cedar.Parsing;

/// <summary>Limits that keep hostile policy text from exhausting the stack or memory.</summary>
public sealed record ParserOptions
{
    /// <summary>The defaults: nesting depth 200, expression height 1000, policy text up to 4 MiB.</summary>
    public static readonly ParserOptions Default = new();

    /// <summary>Maximum nesting of expressions (parentheses, sets, records, operators); 200 by default.</summary>
    public int MaxNestingDepth { get; init; } = 200;

    /// <summary>Maximum height of one condition's expression tree (long chains of <c>||</c> count); 1000 by default.</summary>
    public int MaxExpressionHeight { get; init; } = 1000;

    /// <summary>Maximum length of the policy text in characters; 4 MiB by default.</summary>
    public int MaxTextLength { get; init; } = 4 * 1024 * 1024;
}
