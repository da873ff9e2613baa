namespace Airlock.Cedar.Ast;

/// <summary>Walks expression trees without recursion, so tree height never threatens the stack.</summary>
public static class ExprTraversal
{
    /// <summary>The direct children of <paramref name="e"/>, left to right.</summary>
    public static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case IfExpr i: return [i.Condition, i.Then, i.Else];
            case AndExpr a: return [a.Left, a.Right];
            case OrExpr o: return [o.Left, o.Right];
            case UnaryExpr u: return [u.Operand];
            case BinaryExpr b: return [b.Left, b.Right];
            case ExtensionCallExpr c: return c.Arguments;
            case GetAttrExpr g: return [g.Target];
            case HasAttrExpr h: return [h.Target];
            case LikeExpr l: return [l.Target];
            case IsExpr s: return s.In is null ? [s.Target] : [s.Target, s.In];
            case SetExpr s: return s.Elements;
            case RecordExpr r: return r.Attributes.Select(a => a.Value);
            default: return [];
        }
    }

    /// <summary>Every node of the tree, in pre-order.</summary>
    public static IEnumerable<Expr> Descendants(Expr root)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var child in Children(e).Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
