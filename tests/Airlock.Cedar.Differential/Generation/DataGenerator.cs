using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Entities and context values for a schema: conforming, or with a controlled rate of mistakes (wrong kinds,
/// missing or extra attributes, parents of undeclared types, invalid extension literals, nulls).
/// Integers stay within ±(2^53 - 1): the oracle is JavaScript.
/// </summary>
public sealed class DataGenerator(Rng rng, GenSchema schema, double wrongness)
{
    public const long MaxSafeInteger = (1L << 53) - 1;

    private static readonly long[] Longs = [0, 1, -1, 2, 3, 7, 10, -10, 42, 100, 255, 1000, MaxSafeInteger, -MaxSafeInteger, 1L << 32, 3037000499];

    /// <summary>The entity uids the data will hold (and that policies and requests should mostly name).</summary>
    public List<(string Type, string Id)> Uids { get; } = [];

    /// <summary>Picks the uids: a few per entity type, enumerated types from their ids.</summary>
    public void ChooseUids()
    {
        foreach (var type in schema.EntityTypes)
        {
            var ids = type.EnumIds ?? Names.EntityIds;
            foreach (var id in rng.Some(ids, 3).Distinct())
            {
                Uids.Add((type.Name, id));
            }
        }
    }

    /// <summary>One entity per chosen uid, plus (when making mistakes) an entity of an undeclared type or an action entity.</summary>
    public List<GenEntity> Entities()
    {
        var entities = new List<GenEntity>();
        for (var i = 0; i < Uids.Count; i++)
        {
            var (type, id) = Uids[i];
            var declared = schema.Entity(type)!;
            if (rng.Chance(0.08))
            {
                continue; // referenced but absent: a dangling reference is legal
            }

            // Parents come later in the list, so the hierarchy has no cycle (which Cedar rejects), unless by mistake.
            var wrong = Wrong();
            var parentTypes = wrong ? schema.EntityTypes.Select(e => e.Name).ToList() : declared.MemberOf.ToList();
            var parents = rng.Some(Uids.Where((u, j) => parentTypes.Contains(u.Type) && (wrong || j > i)).ToList(), 3);
            var tags = declared.Tags is { } tagType ? Tags(tagType) : Wrong() ? Tags(GenType.String) : null;
            entities.Add(new GenEntity(type, id, Fields(declared.Shape, 2), parents, tags));
        }

        if (Wrong())
        {
            entities.Add(new GenEntity(rng.Chance(0.5) ? "Undeclared" : schema.ActionType, rng.Pick(Names.Actions), [], [], null));
        }

        return entities;
    }

    /// <summary>A context for an action: its declared attributes, with the usual rate of mistakes.</summary>
    public IReadOnlyList<KeyValuePair<string, GenValue>> Context(GenAction action) => Fields(action.Context.Fields, 2);

    /// <summary>A value of the type, or (at the mistake rate, at every level) of some other kind.</summary>
    public GenValue Value(GenType type, int depth)
    {
        if (Wrong())
        {
            return rng.Chance(0.1) ? new GenValue(GenValueKind.Null) : Value(RandomType(), Math.Min(depth, 1));
        }

        return type.Kind switch
        {
            GenTypeKind.Bool => GenValue.Of(rng.Chance(0.5)),
            GenTypeKind.Long => GenValue.Of(rng.Chance(0.8) ? rng.Int(-3, 5) : rng.Pick(Longs)),
            GenTypeKind.String => GenValue.Of(rng.Pick(Names.Strings)),
            GenTypeKind.Entity => EntityRef(type.Name!),
            GenTypeKind.Extension => GenValue.Extension(ExtensionLiterals.Constructor(type.Name!), ExtensionLiterals.Pick(type.Name!, rng, wrongness)),
            GenTypeKind.Set => GenValue.SetOf([.. Enumerable.Range(0, depth > 0 ? rng.Int(0, 3) : 0).Select(_ => Value(type.Element!, depth - 1))]),
            GenTypeKind.Record => GenValue.RecordOf(Fields(type.Fields, depth - 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "unknown type kind"),
        };
    }

    private List<KeyValuePair<string, GenValue>> Fields(IReadOnlyList<GenAttribute> attributes, int depth)
    {
        var fields = new List<KeyValuePair<string, GenValue>>();
        foreach (var a in attributes)
        {
            // Optional attributes are often absent; a required one is missing only by mistake.
            if ((!a.Required && rng.Chance(0.4)) || Wrong())
            {
                continue;
            }

            fields.Add(new(a.Name, Value(a.Type, Math.Max(depth, 0))));
        }

        // An undeclared attribute, never a repeated one: JSON.parse in the oracle would silently keep the last.
        if (Wrong() && rng.Pick(Names.Attributes) is var extra && fields.All(f => f.Key != extra))
        {
            fields.Add(new(extra, Value(RandomType(), 0)));
        }

        return fields;
    }

    private List<KeyValuePair<string, GenValue>> Tags(GenType type) =>
        [.. rng.Some(Names.TagKeys, 2).Distinct().Select(k => new KeyValuePair<string, GenValue>(k, Value(type, 1)))];

    // An entity that exists, or one that does not (legal), but of an enumerated type only a declared id.
    private GenValue EntityRef(string type)
    {
        var sameType = Uids.Where(u => u.Type == type).ToList();
        var ids = Wrong() ? Names.EntityIds : schema.Entity(type)?.EnumIds ?? Names.EntityIds;
        return sameType.Count > 0 && rng.Chance(0.8)
            ? GenValue.EntityRef(type, rng.Pick(sameType).Id)
            : GenValue.EntityRef(type, rng.Pick(ids));
    }

    private GenType RandomType() => rng.Int(0, 6) switch
    {
        0 => GenType.Bool,
        1 => GenType.Long,
        2 => GenType.String,
        3 => GenType.EntityOf(rng.Pick(schema.EntityTypes).Name),
        4 => GenType.ExtensionOf(rng.Pick(GenType.ExtensionNames)),
        5 => GenType.SetOf(GenType.Long),
        _ => GenType.RecordOf([new GenAttribute("a", GenType.Long, true)]),
    };

    private bool Wrong() => wrongness > 0 && rng.Chance(wrongness);
}
