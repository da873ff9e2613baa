using Airlock.Cedar.Ast;
using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>
/// Decides requests with Cedar's semantics: a satisfied forbid denies, otherwise a satisfied permit allows,
/// otherwise the request is denied by default. A policy whose condition errors is skipped and reported.
/// Stateless and thread-safe.
/// </summary>
public static class Authorizer
{
    /// <summary>Authorizes <paramref name="request"/> against <paramref name="policies"/> and <paramref name="entities"/>.</summary>
    public static AuthorizationResponse IsAuthorized(Request request, PolicySet policies, Entities entities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(entities);
        var scan = new Scan(request, entities);
        policies.Index.ForEachCandidate(request, entities, ref scan, Visit);

        if (scan.Forbids is not null)
        {
            return new AuthorizationResponse(Decision.Deny, scan.Forbids, (IReadOnlyList<PolicyEvaluationError>?)scan.Errors ?? []);
        }

        return scan.Permits is not null
            ? new AuthorizationResponse(Decision.Allow, scan.Permits, (IReadOnlyList<PolicyEvaluationError>?)scan.Errors ?? [])
            : new AuthorizationResponse(Decision.Deny, [], (IReadOnlyList<PolicyEvaluationError>?)scan.Errors ?? []);
    }

    /// <summary>Evaluates one policy: true when its scope matches and every condition holds.</summary>
    /// <exception cref="EvaluationException">When a condition raises an error.</exception>
    public static bool IsSatisfied(Policy policy, Request request, Entities entities)
    {
        var evaluator = new Evaluator(request, entities);
        return ScopeMatches(policy, request, entities) && ConditionsHold(policy, evaluator);
    }

    private static void Visit(Policy policy, ref Scan scan)
    {
        if (!ScopeMatches(policy, scan.Request, scan.Ancestry))
        {
            return;
        }

        bool satisfied;
        try
        {
            satisfied = ConditionsHold(policy, new Evaluator(scan.Request, scan.Entities));
        }
        catch (EvaluationException e)
        {
            (scan.Errors ??= []).Add(new PolicyEvaluationError(policy.Id, e.Message));
            return;
        }

        if (!satisfied)
        {
            return;
        }

        if (policy.Effect == Effect.Forbid)
        {
            (scan.Forbids ??= []).Add(policy.Id);
        }
        else
        {
            (scan.Permits ??= []).Add(policy.Id);
        }
    }

    private static bool ConditionsHold(Policy policy, Evaluator evaluator)
    {
        var conditions = policy.Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var value = evaluator.Evaluate(c.Body);
            if (value is not BoolValue b)
            {
                throw Evaluator.TypeError("bool", value);
            }

            if (b.Value != c.IsWhen)
            {
                return false;
            }
        }

        return true;
    }

    internal static bool ScopeMatches(Policy policy, Request request, Entities entities) =>
        ScopeMatches(policy, request, new RequestAncestry(request, entities));

    // The request's three ancestor sets are looked up once, not once per candidate policy.
    private static bool ScopeMatches(Policy policy, Request request, in RequestAncestry ancestry) =>
        EntityMatches(policy.Principal, request.Principal, ancestry.Principal)
        && ActionMatches(policy.Action, request.Action, ancestry.Action)
        && EntityMatches(policy.Resource, request.Resource, ancestry.Resource);

    private static bool EntityMatches(EntityScope scope, EntityUid uid, IReadOnlySet<EntityUid> ancestors) => scope.Kind switch
    {
        ScopeKind.Any => true,
        ScopeKind.Eq => uid.Equals(scope.Entity),
        ScopeKind.In => IsIn(uid, scope.Entity!, ancestors),
        ScopeKind.Is => uid.Type == scope.EntityType,
        _ => uid.Type == scope.EntityType && IsIn(uid, scope.Entity!, ancestors),
    };

    private static bool ActionMatches(ActionScope scope, EntityUid uid, IReadOnlySet<EntityUid> ancestors)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Any:
                return true;
            case ScopeKind.Eq:
                return uid.Equals(scope.Entities[0]);
            default:
                // An indexed loop: `foreach` over the interface would allocate an enumerator per candidate policy.
                var list = scope.Entities;
                for (var i = 0; i < list.Count; i++)
                {
                    if (IsIn(uid, list[i], ancestors))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static bool IsIn(EntityUid uid, EntityUid ancestor, IReadOnlySet<EntityUid> ancestors) =>
        uid.Equals(ancestor) || ancestors.Contains(ancestor);

    private readonly struct RequestAncestry(Request request, Entities entities)
    {
        public readonly IReadOnlySet<EntityUid> Principal = AncestorsOf(request.Principal, entities);
        public readonly IReadOnlySet<EntityUid> Action = AncestorsOf(request.Action, entities);
        public readonly IReadOnlySet<EntityUid> Resource = AncestorsOf(request.Resource, entities);

        private static readonly IReadOnlySet<EntityUid> EmptyAncestors = new HashSet<EntityUid>();

        // An entity with no entry has no ancestors: only `==` to itself can place it `in` anything.
        private static IReadOnlySet<EntityUid> AncestorsOf(EntityUid uid, Entities entities) =>
            entities.TryGet(uid, out var e) ? e.Ancestors : EmptyAncestors;
    }

    private struct Scan(Request request, Entities entities)
    {
        public readonly Request Request = request;
        public readonly Entities Entities = entities;
        public readonly RequestAncestry Ancestry = new(request, entities);
        public List<string>? Permits;
        public List<string>? Forbids;
        public List<PolicyEvaluationError>? Errors;
    }
}
