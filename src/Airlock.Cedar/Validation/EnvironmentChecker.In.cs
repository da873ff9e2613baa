using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>The <c>in</c> operator, which the schema's hierarchies can often decide statically.</summary>
internal sealed partial class EnvironmentChecker
{
    private static readonly CedarType[] EntityOrEntitySet = [new SetType(EntityRefType.AnyEntity), EntityRefType.AnyEntity];

    private static readonly Func<CedarType, string?> InLeftHelp = static _ => TypeHelp.TryUsingContains;

    private static readonly Func<CedarType, string?> InRightHelp = static t => t switch
    {
        SetType => TypeHelp.TryUsingContains,
        StringType => TypeHelp.TryUsingLike,
        _ => null,
    };

    private Answer CheckIn(CapabilitySet prior, Expr lhs, Expr rhs)
    {
        var left = ExpectType(prior, lhs, EntityRefType.AnyEntity, InLeftHelp);
        var right = ExpectOneOf(prior, rhs, EntityOrEntitySet, InRightHelp);
        if (!left.Ok || !right.Ok)
        {
            return Answer.Fail(BoolType.AnyBool);
        }

        var leftUid = EntityLiteralOrAction(lhs);
        var rightUids = leftUid is { IsAction: true } ? EntityLiteralsOrActions(rhs) : null;
        if (leftUid is not null && rightUids is not null)
        {
            return ActionInLiterals(leftUid, rightUids);
        }

        var rightTypes = right.Type switch
        {
            EntityRefType r => r,
            SetType { Element: EntityRefType r } => r,
            _ => null,
        };

        // When no type on the left can be a descendant of a type on the right, `in` is always false.
        return left.Type is EntityRefType { IsAny: false } leftTypes && rightTypes is { IsAny: false } && !AnyDescendant(leftTypes, rightTypes)
            ? Answer.Success(BoolType.False)
            : Answer.Success(BoolType.AnyBool);
    }

    /// <summary>The uids of a literal, the <c>action</c> variable, or a set literal of only those; otherwise null.</summary>
    private List<EntityUid>? EntityLiteralsOrActions(Expr e)
    {
        if (EntityLiteralOrAction(e) is { } single)
        {
            return [single];
        }

        if (e is not SetExpr set)
        {
            return null;
        }

        var result = new List<EntityUid>();
        foreach (var element in set.Elements)
        {
            if (EntityLiteralOrAction(element) is not { } uid)
            {
                return null;
            }

            result.Add(uid);
        }

        return result;
    }

    // An action is never in a non-action entity, and the action hierarchy is known exactly.
    private Answer ActionInLiterals(EntityUid action, List<EntityUid> targets)
    {
        var actionTargets = targets.Where(t => t.IsAction).ToList();
        if (actionTargets.Count == 0)
        {
            return Answer.Success(BoolType.False);
        }

        var descendants = schema.ActionsInSet(actionTargets);
        return descendants is null
            ? Answer.Fail(BoolType.AnyBool)
            : Answer.Success(BoolType.Singleton(descendants.Contains(action)));
    }

    private bool AnyDescendant(EntityRefType lhs, EntityRefType rhs) =>
        lhs.Types.Any(l => rhs.Types.Any(r => schema.EntityTypesIn(r).Contains(l, StringComparer.Ordinal) || ActionTypeIn(l, r)));

    /// <summary>True when an action of type <paramref name="lhs"/> may be in an entity of type <paramref name="rhs"/>.</summary>
    private bool ActionTypeIn(string lhs, string rhs) =>
        lhs == rhs || schema.Actions.Any(a => a.Uid.Type == rhs && a.Descendants.Any(d => d.Type == lhs));
}
