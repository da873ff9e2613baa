using Airlock.Cedar.Json;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>
/// An immutable set of entities with their ancestor relation precomputed, ready for authorization. Plain hash
/// tables rather than frozen ones: a gateway builds a set like this for every request, and freezing costs more
/// than the few lookups one authorization makes.
/// </summary>
public sealed class Entities
{
    public static readonly Entities Empty = new([]);

    private readonly Dictionary<EntityUid, Entity> byUid;

    /// <summary>Builds the entity set and computes every entity's ancestors.</summary>
    public Entities(IEnumerable<Entity> entities)
    {
        var map = new Dictionary<EntityUid, Entity>();
        foreach (var e in entities)
        {
            if (!map.TryAdd(e.Uid, e))
            {
                throw new CedarException($"duplicate entity entry `{e.Uid}`");
            }
        }

        ComputeAncestors(map);
        byUid = map;
    }

    public int Count => byUid.Count;

    public IEnumerable<Entity> All => byUid.Values;

    public bool TryGet(EntityUid uid, out Entity entity) => byUid.TryGetValue(uid, out entity!);

    /// <summary>Parses entities in Cedar's JSON format; with a schema, attribute values are read by their declared types and the schema's action entities are added.</summary>
    public static Entities FromJson(string json, Schema? schema = null, string? sourceName = null) =>
        EntityJsonReader.Read(json, schema, sourceName);

    private static void ComputeAncestors(Dictionary<EntityUid, Entity> map)
    {
        // Depth-first over parents with an explicit stack; a parent that has no entry is still an ancestor.
        var done = new Dictionary<EntityUid, HashSet<EntityUid>>();
        foreach (var entity in map.Values)
        {
            if (entity.Parents.Count == 0)
            {
                continue;
            }

            var all = new HashSet<EntityUid>();
            var stack = new Stack<EntityUid>(entity.Parents);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                if (!all.Add(p))
                {
                    continue;
                }

                if (done.TryGetValue(p, out var known))
                {
                    all.UnionWith(known);
                }
                else if (map.TryGetValue(p, out var parent))
                {
                    foreach (var gp in parent.Parents)
                    {
                        stack.Push(gp);
                    }
                }
            }

            if (all.Contains(entity.Uid))
            {
                throw new CedarException($"the entity hierarchy has a cycle through `{entity.Uid}`; an entity may not be its own ancestor");
            }

            entity.Ancestors = all;
            done[entity.Uid] = all;
        }
    }
}
