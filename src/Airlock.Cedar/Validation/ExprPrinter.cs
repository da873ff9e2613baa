using System.Text;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>Renders an expression as Cedar text for messages, parenthesizing every compound operand.</summary>
internal static class ExprPrinter
{
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case LiteralExpr { Value: LongValue { Value: < 0 } } l:
                sb.Append('(').Append(l.Value).Append(')');
                break;
            case LiteralExpr l:
                sb.Append(l.Value);
                break;
            case VarExpr v:
                sb.Append(v.Var.ToString().ToLowerInvariant());
                break;
            case SlotExpr s:
                sb.Append(s.Slot == SlotId.Principal ? "?principal" : "?resource");
                break;
            case IfExpr i:
                sb.Append("if ");
                Operand(sb, i.Condition);
                sb.Append(" then ");
                Operand(sb, i.Then);
                sb.Append(" else ");
                Operand(sb, i.Else);
                break;
            case AndExpr a:
                Infix(sb, a.Left, "&&", a.Right);
                break;
            case OrExpr o:
                Infix(sb, o.Left, "||", o.Right);
                break;
            case UnaryExpr { Op: UnaryOp.IsEmpty } u:
                Operand(sb, u.Operand);
                sb.Append(".isEmpty()");
                break;
            case UnaryExpr u:
                sb.Append(u.Op == UnaryOp.Not ? "!" : "-");
                Operand(sb, u.Operand);
                break;
            case BinaryExpr b:
                WriteBinary(sb, b);
                break;
            case ExtensionCallExpr { IsMethod: true } c:
                Operand(sb, c.Arguments[0]);
                sb.Append('.').Append(c.Name);
                Arguments(sb, c.Arguments.Skip(1));
                break;
            case ExtensionCallExpr c:
                sb.Append(c.Name);
                Arguments(sb, c.Arguments);
                break;
            case GetAttrExpr g:
                Operand(sb, g.Target);
                sb.Append(Accessor(g.Attribute));
                break;
            case HasAttrExpr h:
                Operand(sb, h.Target);
                sb.Append(" has ").Append(Accessor(h.Attribute).TrimStart('.'));
                break;
            case LikeExpr l:
                Operand(sb, l.Target);
                sb.Append(" like ").Append(l.Pattern);
                break;
            case IsExpr i:
                Operand(sb, i.Target);
                sb.Append(" is ").Append(i.EntityType);
                if (i.In is not null)
                {
                    sb.Append(" in ");
                    Operand(sb, i.In);
                }

                break;
            case SetExpr s:
                sb.Append('[');
                Join(sb, s.Elements);
                sb.Append(']');
                break;
            case RecordExpr r:
                sb.Append('{');
                for (var i = 0; i < r.Attributes.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ", ").Append(CedarString.Quote(r.Attributes[i].Key)).Append(": ");
                    Write(sb, r.Attributes[i].Value);
                }

                sb.Append('}');
                break;
        }
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        var method = b.Op switch
        {
            BinaryOp.Contains => "contains",
            BinaryOp.ContainsAll => "containsAll",
            BinaryOp.ContainsAny => "containsAny",
            BinaryOp.GetTag => "getTag",
            BinaryOp.HasTag => "hasTag",
            _ => null,
        };
        if (method is not null)
        {
            Operand(sb, b.Left);
            sb.Append('.').Append(method);
            Arguments(sb, [b.Right]);
            return;
        }

        Infix(sb, b.Left, b.Op switch
        {
            BinaryOp.Eq => "==",
            BinaryOp.NotEq => "!=",
            BinaryOp.Less => "<",
            BinaryOp.LessEq => "<=",
            BinaryOp.Greater => ">",
            BinaryOp.GreaterEq => ">=",
            BinaryOp.Add => "+",
            BinaryOp.Sub => "-",
            BinaryOp.Mul => "*",
            _ => "in",
        }, b.Right);
    }

    private static void Infix(StringBuilder sb, Expr left, string op, Expr right)
    {
        Operand(sb, left);
        sb.Append(' ').Append(op).Append(' ');
        Operand(sb, right);
    }

    private static void Operand(StringBuilder sb, Expr e)
    {
        var simple = e is LiteralExpr or VarExpr or SlotExpr or GetAttrExpr or SetExpr or RecordExpr or ExtensionCallExpr;
        sb.Append(simple ? string.Empty : "(");
        Write(sb, e);
        sb.Append(simple ? string.Empty : ")");
    }

    private static void Arguments(StringBuilder sb, IEnumerable<Expr> arguments)
    {
        sb.Append('(');
        Join(sb, arguments.ToList());
        sb.Append(')');
    }

    private static void Join(StringBuilder sb, IReadOnlyList<Expr> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            Write(sb, items[i]);
        }
    }

    private static string Accessor(string attribute) =>
        attribute.Length > 0 && (char.IsAsciiLetter(attribute[0]) || attribute[0] == '_') && attribute.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? "." + attribute
            : "[" + CedarString.Quote(attribute) + "]";
}
