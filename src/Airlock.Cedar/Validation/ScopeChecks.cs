using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// The checks made once per policy rather than per request environment: every entity type, action and
/// enumerated entity mentioned must be declared, and some declared action must apply to the scope.
/// </summary>
internal sealed class ScopeChecks(SchemaView schema)
{
    /// <summary>Checks <paramref name="policy"/>, whose whole condition (scope included) consists of <paramref name="conditionNodes"/>.</summary>
    public void Check(Policy policy, List<Expr> conditionNodes, List<ValidationIssue> errors)
    {
        CheckEntityTypes(policy, conditionNodes, errors);
        CheckEnumEntities(policy, conditionNodes, errors);
        CheckActionIds(policy, conditionNodes, errors);
        CheckActionApplication(policy, errors);
    }

    /// <summary>For a policy linked from a template: the slot values' types must be declared and the scope must apply.</summary>
    public void CheckLinked(Policy policy, EntityUid?[] slotValues, List<ValidationIssue> errors)
    {
        foreach (var uid in slotValues)
        {
            if (uid is not null && !schema.IsKnownEntityType(uid.Type))
            {
                errors.Add(UnrecognizedEntityType(policy.Id, SourceSpan.None, uid.Type));
            }
        }

        CheckActionApplication(policy, errors);
    }

    private void CheckEntityTypes(Policy policy, List<Expr> conditionNodes, List<ValidationIssue> errors)
    {
        foreach (var (type, span) in EntityTypeNames(conditionNodes))
        {
            if (!schema.IsKnownEntityType(type))
            {
                errors.Add(UnrecognizedEntityType(policy.Id, span, type));
            }
        }
    }

    private void CheckEnumEntities(Policy policy, List<Expr> conditionNodes, List<ValidationIssue> errors)
    {
        foreach (var (uid, span) in EntityUids(conditionNodes))
        {
            if (!uid.IsAction && schema.GetEntityType(uid.Type)?.Declaration.EnumIds is { } choices && !choices.Contains(uid.Id))
            {
                errors.Add(new ValidationIssue(
                    ValidationErrorKind.InvalidEnumEntity,
                    policy.Id,
                    span,
                    $"for policy `{policy.Id}`: entity `{uid}` is of an enumerated entity type, but `{CedarString.Quote(uid.Id)}` is not declared as a valid eid",
                    "valid entity eids: " + string.Join(", ", choices.Select(CedarString.Quote))));
            }
        }
    }

    private void CheckActionIds(Policy policy, List<Expr> conditionNodes, List<ValidationIssue> errors)
    {
        foreach (var (uid, span) in EntityUids(conditionNodes))
        {
            if (uid.IsAction && schema.GetAction(uid) is null)
            {
                var suggestion = Suggestions.Closest(uid.Id, schema.Actions.Select(a => a.Uid.ToString()));
                errors.Add(new ValidationIssue(
                    ValidationErrorKind.UnrecognizedActionId,
                    policy.Id,
                    span,
                    $"for policy `{policy.Id}`, unrecognized action `{uid}`",
                    suggestion is null ? null : $"did you mean `{suggestion}`?"));
            }
        }
    }

    /// <summary>Some declared action in the scope must apply to some principal type and some resource type the scope admits.</summary>
    private void CheckActionApplication(Policy policy, List<ValidationIssue> errors)
    {
        var principals = TypesSatisfying(policy.Principal);
        var resources = TypesSatisfying(policy.Resource);
        var actions = ActionsSatisfying(policy.Action);
        foreach (var action in actions)
        {
            if (AnyShared(action.PrincipalTypes, principals) && AnyShared(action.ResourceTypes, resources))
            {
                return;
            }
        }

        var fixPrincipal = InWouldFix(policy.Principal, actions, a => a.PrincipalTypes);
        var fixResource = InWouldFix(policy.Resource, actions, a => a.ResourceTypes);
        var help = (fixPrincipal, fixResource) switch
        {
            (true, false) => "try replacing `==` with `in` in the principal clause",
            (false, true) => "try replacing `==` with `in` in the resource clause",
            (true, true) => "try replacing `==` with `in` in the principal clause and the resource clause",
            _ => null,
        };
        errors.Add(new ValidationIssue(
            ValidationErrorKind.InvalidActionApplication,
            policy.Id,
            policy.Span,
            $"for policy `{policy.Id}`, unable to find an applicable action given the policy scope constraints",
            help));
    }

    private static bool AnyShared(IReadOnlyList<string> declared, IEnumerable<string> admitted)
    {
        foreach (var type in admitted)
        {
            foreach (var candidate in declared)
            {
                if (candidate == type)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // `==` with an entity whose type no action accepts, but whose descendants some action does accept.
    private bool InWouldFix(EntityScope scope, IEnumerable<ActionInfo> actions, Func<ActionInfo, IReadOnlyList<string>> applies)
    {
        if (scope.Kind != ScopeKind.Eq || scope.Entity is null)
        {
            return false;
        }

        var type = scope.Entity.Type;
        if (actions.Any(a => applies(a).Contains(type)))
        {
            return false;
        }

        var info = schema.GetEntityType(type);
        return info is not null && actions.Any(a => applies(a).Any(info.Descendants.Contains));
    }

    private IEnumerable<ActionInfo> ActionsSatisfying(ActionScope scope) => scope.Kind switch
    {
        ScopeKind.Any => schema.Actions,
        ScopeKind.Eq => schema.GetAction(scope.Entities[0]) is { } a ? [a] : [],
        _ => (schema.ActionsInSet(scope.Entities) ?? []).Select(schema.GetAction).OfType<ActionInfo>(),
    };

    private IEnumerable<string> TypesSatisfying(EntityScope scope) => scope.Kind switch
    {
        ScopeKind.Any => schema.EntityTypeNames,
        ScopeKind.Eq when scope.Entity is { } e => [e.Type],
        ScopeKind.In when scope.Entity is { } e => schema.EntityTypesIn(e.Type),
        ScopeKind.Eq or ScopeKind.In => schema.EntityTypeNames,
        ScopeKind.Is or ScopeKind.IsIn when scope.Entity is null => schema.IsKnownEntityType(scope.EntityType!) ? [scope.EntityType!] : [],
        _ => schema.EntityTypesIn(scope.Entity!.Type).Where(t => t == scope.EntityType),
    };

    private static ValidationIssue UnrecognizedEntityType(string policyId, SourceSpan span, string type) =>
        new(ValidationErrorKind.UnrecognizedEntityType, policyId, span, $"for policy `{policyId}`, unrecognized entity type `{type}`");

    // The condition holds the scope as expressions too, so one walk finds every mention.
    private static IEnumerable<(string Type, SourceSpan Span)> EntityTypeNames(List<Expr> conditionNodes)
    {
        foreach (var e in conditionNodes)
        {
            switch (e)
            {
                case LiteralExpr { Value: EntityValue v }:
                    yield return (v.Uid.Type, e.Span);
                    break;
                case IsExpr i:
                    yield return (i.EntityType, e.Span);
                    break;
            }
        }
    }

    private static IEnumerable<(EntityUid Uid, SourceSpan Span)> EntityUids(List<Expr> conditionNodes)
    {
        foreach (var e in conditionNodes)
        {
            if (e is LiteralExpr { Value: EntityValue v })
            {
                yield return (v.Uid, e.Span);
            }
        }
    }
}
