namespace Airlock.Cedar.Ast;

/// <summary>Visits every kind of expression node.</summary>
public interface IExprVisitor<out TResult>
{
    TResult VisitLiteral(LiteralExpr node);

    TResult VisitVar(VarExpr node);

    TResult VisitSlot(SlotExpr node);

    TResult VisitIf(IfExpr node);

    TResult VisitAnd(AndExpr node);

    TResult VisitOr(OrExpr node);

    TResult VisitUnary(UnaryExpr node);

    TResult VisitBinary(BinaryExpr node);

    TResult VisitExtensionCall(ExtensionCallExpr node);

    TResult VisitGetAttr(GetAttrExpr node);

    TResult VisitHasAttr(HasAttrExpr node);

    TResult VisitLike(LikeExpr node);

    TResult VisitIs(IsExpr node);

    TResult VisitSet(SetExpr node);

    TResult VisitRecord(RecordExpr node);
}
