using Airlock.Cedar;
using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Compare;

/// <summary>
/// The entities one request can reach: its principal, action and resource, the entities its context names, and
/// from each of those their ancestors and the entities their attributes name, transitively. Callers of Cedar's
/// stateless APIs pass such a slice instead of the whole store; the comparison times that too.
/// </summary>
internal static class EntitySlice
{
    public static List<Entity> For(Request request, Entities entities)
    {
        var seen = new HashSet<EntityUid>();
        var slice = new List<Entity>();
        var pending = new Stack<EntityUid>([request.Principal, request.Action, request.Resource]);
        PushReferences(request.Context, pending);
        while (pending.Count > 0)
        {
            var uid = pending.Pop();
            if (!seen.Add(uid) || !entities.TryGet(uid, out var entity))
            {
                continue;
            }

            slice.Add(entity);
            foreach (var ancestor in entity.Ancestors)
            {
                pending.Push(ancestor);
            }

            PushReferences(entity.Attributes, pending);
        }

        return slice;
    }

    private static void PushReferences(Value value, Stack<EntityUid> pending)
    {
        switch (value)
        {
            case EntityValue e:
                pending.Push(e.Uid);
                break;
            case SetValue s:
                foreach (var element in s.Elements)
                {
                    PushReferences(element, pending);
                }

                break;
            case RecordValue r:
                foreach (var v in r.Attributes.Values)
                {
                    PushReferences(v, pending);
                }

                break;
            default:
                break;
        }
    }
}
