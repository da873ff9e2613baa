using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// The reference builds <c>a &amp;&amp; b</c> and <c>a || b</c> of two boolean literals directly as the resulting
/// literal, while parsing. The checker sees such expressions as literals too, which matters wherever being a
/// literal counts: <c>(false &amp;&amp; false) == E::"e"</c> compares two literals, so it is simply false.
/// </summary>
internal static class BoolFolding
{
    /// <summary>The literal value of <paramref name="e"/>, folding <c>&amp;&amp;</c> and <c>||</c> of boolean literals; null when it is not a literal.</summary>
    public static Value? LiteralOf(Expr e) => e switch
    {
        LiteralExpr l => l.Value,
        AndExpr a when Fold(a.Left) is { } l && Fold(a.Right) is { } r => BoolValue.Of(l && r),
        OrExpr o when Fold(o.Left) is { } l && Fold(o.Right) is { } r => BoolValue.Of(l || r),
        _ => null,
    };

    private static bool? Fold(Expr e) => (LiteralOf(e) as BoolValue)?.Value;
}
