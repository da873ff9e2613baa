using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>Structural equality of expressions, ignoring source locations; what capabilities compare.</summary>
internal sealed class ExprShape : IEqualityComparer<Expr>
{
    public static ExprShape Instance { get; } = new();

    public bool Equals(Expr? x, Expr? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType())
        {
            return false;
        }

        return (x, y) switch
        {
            (LiteralExpr a, LiteralExpr b) => a.Value.Equals(b.Value),
            (VarExpr a, VarExpr b) => a.Var == b.Var,
            (SlotExpr a, SlotExpr b) => a.Slot == b.Slot,
            (IfExpr a, IfExpr b) => Equals(a.Condition, b.Condition) && Equals(a.Then, b.Then) && Equals(a.Else, b.Else),
            (AndExpr a, AndExpr b) => Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (OrExpr a, OrExpr b) => Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (UnaryExpr a, UnaryExpr b) => a.Op == b.Op && Equals(a.Operand, b.Operand),
            (BinaryExpr a, BinaryExpr b) => a.Op == b.Op && Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (ExtensionCallExpr a, ExtensionCallExpr b) => a.Name == b.Name && AllEqual(a.Arguments, b.Arguments),
            (GetAttrExpr a, GetAttrExpr b) => a.Attribute == b.Attribute && Equals(a.Target, b.Target),
            (HasAttrExpr a, HasAttrExpr b) => a.Attribute == b.Attribute && Equals(a.Target, b.Target),
            (LikeExpr a, LikeExpr b) => a.Pattern.ToString() == b.Pattern.ToString() && Equals(a.Target, b.Target),
            (IsExpr a, IsExpr b) => a.EntityType == b.EntityType && Equals(a.Target, b.Target) && Equals(a.In, b.In),
            (SetExpr a, SetExpr b) => AllEqual(a.Elements, b.Elements),
            (RecordExpr a, RecordExpr b) => RecordsEqual(a, b),
            _ => false,
        };
    }

    public int GetHashCode(Expr obj) => obj switch
    {
        LiteralExpr l => l.Value.GetHashCode(),
        VarExpr v => HashCode.Combine(1, v.Var),
        GetAttrExpr g => HashCode.Combine(2, StringComparer.Ordinal.GetHashCode(g.Attribute), GetHashCode(g.Target)),
        HasAttrExpr h => HashCode.Combine(3, StringComparer.Ordinal.GetHashCode(h.Attribute), GetHashCode(h.Target)),
        _ => obj.GetType().GetHashCode(),
    };

    private bool AllEqual(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Record literals are maps: attribute order does not matter.
    private bool RecordsEqual(RecordExpr a, RecordExpr b)
    {
        if (a.Attributes.Count != b.Attributes.Count)
        {
            return false;
        }

        foreach (var (name, value) in a.Attributes)
        {
            var match = b.Attributes.FirstOrDefault(p => p.Key == name);
            if (match.Value is null || !Equals(value, match.Value))
            {
                return false;
            }
        }

        return true;
    }
}
