using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>Lists every node of expression trees without recursion and without a per-node allocation.</summary>
internal static class ExprNodes
{
    /// <summary>Every node of every tree in <paramref name="roots"/>, each tree in pre-order.</summary>
    public static List<Expr> Of(IEnumerable<Expr> roots)
    {
        var result = new List<Expr>();
        var stack = new Stack<Expr>();
        foreach (var root in roots)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                result.Add(e);
                PushChildren(stack, e);
            }
        }

        return result;
    }

    // Children are pushed last-first so that they come off the stack in source order.
    private static void PushChildren(Stack<Expr> stack, Expr e)
    {
        switch (e)
        {
            case IfExpr i:
                stack.Push(i.Else);
                stack.Push(i.Then);
                stack.Push(i.Condition);
                break;
            case AndExpr a:
                stack.Push(a.Right);
                stack.Push(a.Left);
                break;
            case OrExpr o:
                stack.Push(o.Right);
                stack.Push(o.Left);
                break;
            case UnaryExpr u:
                stack.Push(u.Operand);
                break;
            case BinaryExpr b:
                stack.Push(b.Right);
                stack.Push(b.Left);
                break;
            case ExtensionCallExpr c:
                for (var k = c.Arguments.Count - 1; k >= 0; k--)
                {
                    stack.Push(c.Arguments[k]);
                }

                break;
            case GetAttrExpr g:
                stack.Push(g.Target);
                break;
            case HasAttrExpr h:
                stack.Push(h.Target);
                break;
            case LikeExpr l:
                stack.Push(l.Target);
                break;
            case IsExpr s:
                if (s.In is not null)
                {
                    stack.Push(s.In);
                }

                stack.Push(s.Target);
                break;
            case SetExpr s:
                for (var k = s.Elements.Count - 1; k >= 0; k--)
                {
                    stack.Push(s.Elements[k]);
                }

                break;
            case RecordExpr r:
                for (var k = r.Attributes.Count - 1; k >= 0; k--)
                {
                    stack.Push(r.Attributes[k].Value);
                }

                break;
        }
    }
}
