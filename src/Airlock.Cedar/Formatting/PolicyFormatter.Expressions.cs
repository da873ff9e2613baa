using System.Text;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Parsing;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Formatting;

/// <summary>Expression printing with Cedar's precedence, adding parentheses only where needed.</summary>
public static partial class PolicyFormatter
{
    private const int IfLevel = 0;
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int RelationLevel = 3;
    private const int AddLevel = 4;
    private const int MulLevel = 5;
    private const int UnaryLevel = 6;
    private const int MemberLevel = 7;

    private static readonly HashSet<string> Reserved = ["true", "false", "if", "then", "else", "in", "is", "has", "like", "__cedar"];

    /// <summary>Formats an expression on one line.</summary>
    public static string FormatExpr(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, IfLevel);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int minLevel)
    {
        var level = LevelOf(e);
        var parens = level < minLevel;
        if (parens)
        {
            sb.Append('(');
        }

        WriteNode(sb, e);
        if (parens)
        {
            sb.Append(')');
        }
    }

    private static int LevelOf(Expr e) => e switch
    {
        IfExpr => IfLevel,
        OrExpr => OrLevel,
        AndExpr => AndLevel,
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } => AddLevel,
        BinaryExpr { Op: BinaryOp.Mul } => MulLevel,
        BinaryExpr { Op: BinaryOp.Contains or BinaryOp.ContainsAll or BinaryOp.ContainsAny or BinaryOp.GetTag or BinaryOp.HasTag } => MemberLevel,
        BinaryExpr or HasAttrExpr or LikeExpr or IsExpr => RelationLevel,
        UnaryExpr { Op: UnaryOp.IsEmpty } => MemberLevel,
        UnaryExpr => UnaryLevel,
        LiteralExpr { Value: LongValue { Value: < 0 } } => UnaryLevel,
        _ => MemberLevel + 1,
    };

    private static void WriteNode(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case LiteralExpr l: sb.Append(l.Value is EntityValue ev ? ev.Uid.ToString() : l.Value.ToString()); break;
            case VarExpr v: sb.Append(v.Var.ToString().ToLowerInvariant()); break;
            case SlotExpr s: sb.Append(s.Slot == SlotId.Principal ? "?principal" : "?resource"); break;
            case IfExpr i:
                sb.Append("if ");
                Write(sb, i.Condition, IfLevel);
                sb.Append(" then ");
                Write(sb, i.Then, IfLevel);
                sb.Append(" else ");
                Write(sb, i.Else, IfLevel);
                break;
            case OrExpr o: Infix(sb, o.Left, " || ", o.Right, OrLevel, OrLevel + 1); break;
            case AndExpr a: Infix(sb, a.Left, " && ", a.Right, AndLevel, AndLevel + 1); break;
            case UnaryExpr { Op: UnaryOp.IsEmpty } u: Method(sb, u.Operand, "isEmpty", []); break;
            case UnaryExpr u:
                sb.Append(u.Op == UnaryOp.Not ? '!' : '-');
                Write(sb, u.Operand, u.Op == UnaryOp.Neg && u.Operand is LiteralExpr { Value: LongValue } ? MemberLevel + 2 : MemberLevel);
                break;
            case BinaryExpr b: WriteBinary(sb, b); break;
            case ExtensionCallExpr c when c.IsMethod: Method(sb, c.Arguments[0], c.Name, c.Arguments.Skip(1)); break;
            case ExtensionCallExpr c:
                sb.Append(c.Name).Append('(');
                List(sb, c.Arguments);
                sb.Append(')');
                break;
            case GetAttrExpr g:
                Write(sb, g.Target, MemberLevel);
                if (IsPlainIdentifier(g.Attribute))
                {
                    sb.Append('.').Append(g.Attribute);
                }
                else
                {
                    sb.Append('[').Append(CedarString.Quote(g.Attribute)).Append(']');
                }

                break;
            case HasAttrExpr h:
                Write(sb, h.Target, AddLevel);
                sb.Append(" has ").Append(IsPlainIdentifier(h.Attribute) ? h.Attribute : CedarString.Quote(h.Attribute));
                break;
            case LikeExpr l:
                Write(sb, l.Target, AddLevel);
                sb.Append(" like ").Append(l.Pattern);
                break;
            case IsExpr s:
                Write(sb, s.Target, AddLevel);
                sb.Append(" is ").Append(s.EntityType);
                if (s.In is not null)
                {
                    sb.Append(" in ");
                    Write(sb, s.In, AddLevel);
                }

                break;
            case SetExpr s:
                sb.Append('[');
                List(sb, s.Elements);
                sb.Append(']');
                break;
            case RecordExpr r:
                sb.Append('{');
                for (var i = 0; i < r.Attributes.Count; i++)
                {
                    var (key, value) = r.Attributes[i];
                    sb.Append(i == 0 ? string.Empty : ", ").Append(CedarString.Quote(key)).Append(": ");
                    Write(sb, value, IfLevel);
                }

                sb.Append('}');
                break;
        }
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.Add: Infix(sb, b.Left, " + ", b.Right, AddLevel, AddLevel + 1); return;
            case BinaryOp.Sub: Infix(sb, b.Left, " - ", b.Right, AddLevel, AddLevel + 1); return;
            case BinaryOp.Mul: Infix(sb, b.Left, " * ", b.Right, MulLevel, MulLevel + 1); return;
            case BinaryOp.Contains: Method(sb, b.Left, "contains", [b.Right]); return;
            case BinaryOp.ContainsAll: Method(sb, b.Left, "containsAll", [b.Right]); return;
            case BinaryOp.ContainsAny: Method(sb, b.Left, "containsAny", [b.Right]); return;
            case BinaryOp.GetTag: Method(sb, b.Left, "getTag", [b.Right]); return;
            case BinaryOp.HasTag: Method(sb, b.Left, "hasTag", [b.Right]); return;
        }

        var op = b.Op switch
        {
            BinaryOp.Eq => " == ",
            BinaryOp.NotEq => " != ",
            BinaryOp.Less => " < ",
            BinaryOp.LessEq => " <= ",
            BinaryOp.Greater => " > ",
            BinaryOp.GreaterEq => " >= ",
            _ => " in ",
        };
        Infix(sb, b.Left, op, b.Right, AddLevel, AddLevel);
    }

    private static void Infix(StringBuilder sb, Expr left, string op, Expr right, int leftLevel, int rightLevel)
    {
        Write(sb, left, leftLevel);
        sb.Append(op);
        Write(sb, right, rightLevel);
    }

    private static void Method(StringBuilder sb, Expr receiver, string name, IEnumerable<Expr> args)
    {
        Write(sb, receiver, MemberLevel);
        sb.Append('.').Append(name).Append('(');
        List(sb, args);
        sb.Append(')');
    }

    private static void List(StringBuilder sb, IEnumerable<Expr> items)
    {
        var first = true;
        foreach (var item in items)
        {
            sb.Append(first ? string.Empty : ", ");
            Write(sb, item, IfLevel);
            first = false;
        }
    }

    private static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && Lexer.IsIdentStart(name[0]) && name.All(Lexer.IsIdentPart) && !Reserved.Contains(name);
}
