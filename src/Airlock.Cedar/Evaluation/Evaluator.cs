using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Evaluation;

/// <summary>
/// Evaluates expressions for one request against one entity set, with Cedar's semantics: strict typing,
/// short-circuiting <c>&amp;&amp;</c>, <c>||</c> and <c>if</c>, and checked 64-bit arithmetic. Errors are thrown as
/// <see cref="EvaluationException"/> and handled per policy by the authorizer.
/// </summary>
internal readonly partial struct Evaluator(Request request, Entities entities)
{
    public Value Evaluate(Expr e)
    {
        switch (e)
        {
            case LiteralExpr l:
                return l.Value;
            case VarExpr v:
                return v.Var switch
                {
                    Var.Principal => request.PrincipalValue,
                    Var.Action => request.ActionValue,
                    Var.Resource => request.ResourceValue,
                    _ => request.Context,
                };
            case AndExpr a:
                return Bool(a.Left) ? BoolValue.Of(Bool(a.Right)) : BoolValue.False;
            case OrExpr o:
                return Bool(o.Left) ? BoolValue.True : BoolValue.Of(Bool(o.Right));
            case IfExpr i:
                return Evaluate(Bool(i.Condition) ? i.Then : i.Else);
            case BinaryExpr b:
                return EvaluateBinary(b);
            case UnaryExpr u:
                return EvaluateUnary(u);
            case GetAttrExpr g:
                return GetAttribute(Evaluate(g.Target), g.Attribute);
            case HasAttrExpr h:
                return BoolValue.Of(HasAttribute(Evaluate(h.Target), h.Attribute));
            case LikeExpr l:
                return BoolValue.Of(l.Pattern.IsMatch(AsString(Evaluate(l.Target))));
            case IsExpr s:
                return EvaluateIs(s);
            case SetExpr s:
                return EvaluateSet(s);
            case RecordExpr r:
                return EvaluateRecord(r);
            case ExtensionCallExpr c:
                return ExtensionCalls.Invoke(this, c);
            case SlotExpr:
                throw new EvaluationException("template slot in an unlinked policy");
            default:
                throw new EvaluationException($"unknown expression `{e.GetType().Name}`");
        }
    }

    /// <summary>Evaluates and requires a boolean.</summary>
    public bool Bool(Expr e)
    {
        var v = Evaluate(e);
        return v is BoolValue b ? b.Value : throw TypeError("bool", v);
    }

    private Value EvaluateUnary(UnaryExpr u)
    {
        var v = Evaluate(u.Operand);
        switch (u.Op)
        {
            case UnaryOp.Not:
                return v is BoolValue b ? BoolValue.Of(!b.Value) : throw TypeError("bool", v);
            case UnaryOp.Neg:
                {
                    var n = AsLong(v);
                    return n == long.MinValue
                        ? throw new EvaluationException($"integer overflow while attempting to negate `{n}`")
                        : LongValue.Of(-n);
                }

            default:
                return v is SetValue s ? BoolValue.Of(s.Count == 0) : throw TypeError("set", v);
        }
    }

    private Value EvaluateIs(IsExpr s)
    {
        var target = Evaluate(s.Target);
        if (target is not EntityValue entity)
        {
            throw TypeError("entity", target);
        }

        if (entity.Uid.Type != s.EntityType)
        {
            // INVARIANT: `e is T in x` is `e is T && e in x`, so `x` is not evaluated when the type differs.
            return BoolValue.False;
        }

        return s.In is null ? BoolValue.True : BoolValue.Of(IsIn(entity.Uid, Evaluate(s.In)));
    }

    private SetValue EvaluateSet(SetExpr s)
    {
        if (s.Elements.Count == 0)
        {
            return SetValue.Empty;
        }

        var values = new Value[s.Elements.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Evaluate(s.Elements[i]);
        }

        return new SetValue(values);
    }

    private RecordValue EvaluateRecord(RecordExpr r)
    {
        var attrs = new Dictionary<string, Value>(r.Attributes.Count, StringComparer.Ordinal);
        foreach (var (k, v) in r.Attributes)
        {
            attrs[k] = Evaluate(v);
        }

        return new RecordValue(attrs);
    }

    internal static EvaluationException TypeError(string expected, Value actual) =>
        new($"type error: expected {expected}, got {Describe(actual)}");

    internal static string Describe(Value v) => v switch
    {
        BoolValue => "bool",
        LongValue => "long",
        StringValue => "string",
        EntityValue e => $"(entity of type `{e.Uid.Type}`)",
        SetValue => "set",
        RecordValue => "record",
        ExtensionValue x => x.TypeName,
        _ => "value",
    };

    internal static long AsLong(Value v) => v is LongValue l ? l.Value : throw TypeError("long", v);

    internal static string AsString(Value v) => v is StringValue s ? s.Value : throw TypeError("string", v);
}
