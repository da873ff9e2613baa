using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// A policy's whole condition as one expression, the way the reference type checks it: the scope constraints
/// and the conditions (an <c>unless</c> negated) joined by <c>&amp;&amp;</c>, right-associated.
/// </summary>
internal static class PolicyCondition
{
    public static Expr Build(Policy policy)
    {
        var span = policy.Span;
        Expr body = True(span);
        for (var i = policy.Conditions.Count - 1; i >= 0; i--)
        {
            var condition = policy.Conditions[i];
            var e = condition.IsWhen ? condition.Body : new UnaryExpr(UnaryOp.Not, condition.Body, condition.Span);
            body = i == policy.Conditions.Count - 1 ? e : new AndExpr(e, body, span);
        }

        return new AndExpr(
            Scope(Var.Principal, policy.Principal, span),
            new AndExpr(Action(policy.Action, span), new AndExpr(Scope(Var.Resource, policy.Resource, span), body, span), span),
            span);
    }

    private static LiteralExpr True(SourceSpan span) => new(BoolValue.True, span);

    private static Expr Scope(Var variable, EntityScope scope, SourceSpan span)
    {
        var v = new VarExpr(variable, span);
        Expr Target() => scope.Entity is { } uid
            ? new LiteralExpr(new EntityValue(uid), span)
            : new SlotExpr(scope.Slot ?? (variable == Var.Principal ? SlotId.Principal : SlotId.Resource), span);

        return scope.Kind switch
        {
            ScopeKind.Eq => new BinaryExpr(BinaryOp.Eq, v, Target(), span),
            ScopeKind.In => new BinaryExpr(BinaryOp.In, v, Target(), span),
            ScopeKind.Is => new IsExpr(v, scope.EntityType!, null, span),
            ScopeKind.IsIn => new AndExpr(new IsExpr(v, scope.EntityType!, null, span), new BinaryExpr(BinaryOp.In, v, Target(), span), span),
            _ => True(span),
        };
    }

    private static Expr Action(ActionScope scope, SourceSpan span)
    {
        var v = new VarExpr(Var.Action, span);
        return scope.Kind switch
        {
            ScopeKind.Eq => new BinaryExpr(BinaryOp.Eq, v, new LiteralExpr(new EntityValue(scope.Entities[0]), span), span),

            // `action in A` and `action in [A, B]` both become a set literal, as in the reference.
            ScopeKind.In => new BinaryExpr(
                BinaryOp.In,
                v,
                new SetExpr([.. scope.Entities.Select(uid => (Expr)new LiteralExpr(new EntityValue(uid), span))], span),
                span),
            _ => True(span),
        };
    }
}
