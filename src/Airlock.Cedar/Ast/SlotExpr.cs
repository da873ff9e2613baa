namespace Airlock.Cedar.Ast;

/// <summary>A template slot, <c>?principal</c> or <c>?resource</c>.</summary>
public sealed class SlotExpr(SlotId slot, SourceSpan span) : Expr(span)
{
    public SlotId Slot { get; } = slot;

    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitSlot(this);
}
