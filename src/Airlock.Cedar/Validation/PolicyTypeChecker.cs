using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Type checks a policy or template under every request environment the schema declares: each action with
/// each of its principal and resource types, and for templates each entity type a slot could be linked to.
/// </summary>
internal sealed class PolicyTypeChecker
{
    private readonly SchemaView schema;
    private readonly List<RequestEnvironment> environments = [];

    public PolicyTypeChecker(SchemaView schema)
    {
        this.schema = schema;
        foreach (var action in schema.Actions)
        {
            foreach (var principal in action.PrincipalTypes)
            {
                foreach (var resource in action.ResourceTypes)
                {
                    environments.Add(new RequestEnvironment(principal, action.Uid, resource, action.Context));
                }
            }
        }
    }

    /// <summary>Checks <paramref name="policy"/>, whose whole condition is <paramref name="condition"/>, adding type errors and, when no environment can make it true, a warning.</summary>
    public void Check(Policy policy, Expr condition, List<ValidationIssue> errors, List<ValidationIssue> warnings)
    {
        var checker = new EnvironmentChecker(schema, policy.Id, errors);
        var alwaysFalse = true;
        foreach (var unlinked in environments)
        {
            if (!policy.IsTemplate)
            {
                alwaysFalse &= BoolType.False.Equals(checker.CheckCondition(condition, unlinked).Type);
                continue;
            }

            foreach (var principalSlot in SlotLinks(policy.Principal, unlinked.Principal))
            {
                foreach (var resourceSlot in SlotLinks(policy.Resource, unlinked.Resource))
                {
                    var env = unlinked with { PrincipalSlot = principalSlot, ResourceSlot = resourceSlot };
                    alwaysFalse &= BoolType.False.Equals(checker.CheckCondition(condition, env).Type);
                }
            }
        }

        if (alwaysFalse)
        {
            warnings.Add(new ValidationIssue(
                ValidationErrorKind.ImpossiblePolicy,
                policy.Id,
                policy.Span,
                $"for policy `{policy.Id}`, policy is impossible: the policy expression evaluates to false for all valid requests"));
        }
    }

    /// <summary>The entity types a slot could be linked to without making the scope false; one null when there is no slot.</summary>
    private IEnumerable<string?> SlotLinks(EntityScope scope, string variableType)
    {
        if (scope.Slot is null)
        {
            return [null];
        }

        return scope.Kind switch
        {
            ScopeKind.Eq => [variableType],
            ScopeKind.In or ScopeKind.IsIn => schema.EntityTypeNames
                .Where(t => schema.GetEntityType(t)!.Descendants.Contains(variableType))
                .Append(variableType),
            _ => schema.EntityTypeNames,
        };
    }
}
