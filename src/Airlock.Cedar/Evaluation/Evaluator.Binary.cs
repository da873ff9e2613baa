using Airlock.Cedar.Ast;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Evaluation;

/// <summary>Binary operators, membership and the set methods.</summary>
internal readonly partial struct Evaluator
{
    private Value EvaluateBinary(BinaryExpr b)
    {
        var left = Evaluate(b.Left);
        var right = Evaluate(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Eq: return BoolValue.Of(left.Equals(right));
            case BinaryOp.NotEq: return BoolValue.Of(!left.Equals(right));
            case BinaryOp.Less: return BoolValue.Of(Compare(left, right) < 0);
            case BinaryOp.LessEq: return BoolValue.Of(Compare(left, right) <= 0);
            case BinaryOp.Greater: return BoolValue.Of(Compare(left, right) > 0);
            case BinaryOp.GreaterEq: return BoolValue.Of(Compare(left, right) >= 0);
            case BinaryOp.Add: return Arithmetic(left, right, "add", static (x, y) => checked(x + y));
            case BinaryOp.Sub: return Arithmetic(left, right, "subtract", static (x, y) => checked(x - y));
            case BinaryOp.Mul: return Arithmetic(left, right, "multiply", static (x, y) => checked(x * y));
            case BinaryOp.In: return BoolValue.Of(IsIn(AsEntity(left), right));
            case BinaryOp.Contains: return BoolValue.Of(AsSet(left).Contains(right));
            case BinaryOp.ContainsAll:
                {
                    var all = AsSet(left);
                    var required = AsSet(right);
                    foreach (var e in required.Elements)
                    {
                        if (!all.Contains(e))
                        {
                            return BoolValue.False;
                        }
                    }

                    return BoolValue.True;
                }

            case BinaryOp.ContainsAny:
                {
                    var set = AsSet(left);
                    var any = AsSet(right);
                    foreach (var e in any.Elements)
                    {
                        if (set.Contains(e))
                        {
                            return BoolValue.True;
                        }
                    }

                    return BoolValue.False;
                }

            case BinaryOp.HasTag:
                {
                    var uid = AsEntity(left);
                    var tag = AsString(right);
                    return BoolValue.Of(entities.TryGet(uid, out var entity) && entity.Tags.Has(tag));
                }

            case BinaryOp.GetTag:
                {
                    var uid = AsEntity(left);
                    var tag = AsString(right);
                    if (!entities.TryGet(uid, out var entity))
                    {
                        throw new EvaluationException($"entity `{uid}` does not exist");
                    }

                    return entity.Tags.TryGet(tag, out var value)
                        ? value
                        : throw new EvaluationException($"`{uid}` does not have the tag `{tag}`");
                }

            default:
                throw new EvaluationException($"unknown operator `{b.Op}`");
        }
    }

    private static LongValue Arithmetic(Value left, Value right, string verb, Func<long, long, long> op)
    {
        var x = AsLong(left);
        var y = AsLong(right);
        try
        {
            return LongValue.Of(op(x, y));
        }
        catch (OverflowException)
        {
            throw new EvaluationException($"integer overflow while attempting to {verb} the values `{x}` and `{y}`");
        }
    }

    // Cedar orders longs, and (since 4.x) datetimes with datetimes and durations with durations.
    private static int Compare(Value left, Value right)
    {
        if (left is LongValue a && right is LongValue b)
        {
            return a.Value.CompareTo(b.Value);
        }

        if (ExtensionRegistry.TryCompare(left, right, out var comparison))
        {
            return comparison;
        }

        throw new EvaluationException($"type error: cannot compare {Describe(left)} with {Describe(right)}; `<` and friends take two longs, two datetimes or two durations");
    }

    internal bool IsIn(EntityUid uid, Value right)
    {
        entities.TryGet(uid, out var entity);
        if (right is EntityValue single)
        {
            return uid.Equals(single.Uid) || (entity is not null && entity.IsDescendantOf(single.Uid));
        }

        if (right is not SetValue set)
        {
            throw TypeError("set or entity", right);
        }

        // Every element must be an entity, even after a match is found, as the reference checks them first.
        foreach (var e in set.Elements)
        {
            if (e is not EntityValue)
            {
                throw TypeError("entity", e);
            }
        }

        foreach (var e in set.Elements)
        {
            var candidate = ((EntityValue)e).Uid;
            if (uid.Equals(candidate) || (entity is not null && entity.IsDescendantOf(candidate)))
            {
                return true;
            }
        }

        return false;
    }

    private static EntityUid AsEntity(Value v) => v is EntityValue e ? e.Uid : throw TypeError("entity", v);

    private static SetValue AsSet(Value v) => v is SetValue s ? s : throw TypeError("set", v);
}
