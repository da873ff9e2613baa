using System.Collections.Frozen;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>
/// Buckets policies by the most selective entity in their scope so that authorization evaluates only
/// policies that could apply. Each policy lives in exactly one bucket: anchored on its principal entity,
/// else its resource entity, else its action(s), else it is always a candidate.
/// </summary>
internal sealed class PolicyIndex
{
    private readonly FrozenDictionary<EntityUid, Policy[]> byPrincipal;
    private readonly FrozenDictionary<EntityUid, Policy[]> byResource;
    private readonly FrozenDictionary<EntityUid, Policy[]> byAction;
    private readonly Policy[] unanchored;

    public PolicyIndex(IReadOnlyList<Policy> policies)
    {
        var principal = new Dictionary<EntityUid, List<Policy>>();
        var resource = new Dictionary<EntityUid, List<Policy>>();
        var action = new Dictionary<EntityUid, List<Policy>>();
        var rest = new List<Policy>();
        foreach (var p in policies)
        {
            if (p.Principal.Entity is { } pe)
            {
                Add(principal, pe, p);
            }
            else if (p.Resource.Entity is { } re)
            {
                Add(resource, re, p);
            }
            else if (p.Action.Kind != ScopeKind.Any && p.Action.Entities.Count == 1)
            {
                Add(action, p.Action.Entities[0], p);
            }
            else
            {
                rest.Add(p);
            }
        }

        byPrincipal = Freeze(principal);
        byResource = Freeze(resource);
        byAction = Freeze(action);
        unanchored = [.. rest];
    }

    /// <summary>Calls <paramref name="visit"/> once for every policy that could apply to <paramref name="request"/>.</summary>
    public void ForEachCandidate<TState>(Request request, Entities entities, ref TState state, CandidateVisitor<TState> visit)
    {
        foreach (var p in unanchored)
        {
            visit(p, ref state);
        }

        VisitDimension(byPrincipal, request.Principal, entities, ref state, visit);
        VisitDimension(byResource, request.Resource, entities, ref state, visit);
        VisitDimension(byAction, request.Action, entities, ref state, visit);
    }

    private static void VisitDimension<TState>(
        FrozenDictionary<EntityUid, Policy[]> index, EntityUid uid, Entities entities, ref TState state, CandidateVisitor<TState> visit)
    {
        if (index.Count == 0)
        {
            return;
        }

        if (index.TryGetValue(uid, out var own))
        {
            foreach (var p in own)
            {
                visit(p, ref state);
            }
        }

        if (!entities.TryGet(uid, out var entity))
        {
            return;
        }

        foreach (var ancestor in entity.Ancestors)
        {
            if (index.TryGetValue(ancestor, out var inherited))
            {
                foreach (var p in inherited)
                {
                    visit(p, ref state);
                }
            }
        }
    }

    private static void Add(Dictionary<EntityUid, List<Policy>> map, EntityUid key, Policy p)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(p);
    }

    private static FrozenDictionary<EntityUid, Policy[]> Freeze(Dictionary<EntityUid, List<Policy>> map) =>
        map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
