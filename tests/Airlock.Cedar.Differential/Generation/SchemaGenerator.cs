using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Random schemas: a few entity types (sometimes a second namespace), attributes of every type including
/// extension types, sets, records and optional ones, tags, enumerated types, <c>memberOf</c> hierarchies,
/// common types, and actions with groups and contexts.
/// </summary>
public sealed class SchemaGenerator(Rng rng)
{
    public GenSchema Generate()
    {
        var ns = rng.Pick(Names.Namespaces);
        var names = rng.Some(Names.EntityTypes, 5).Select(n => Qualify(ns, n)).ToList();
        if (names.Count < 2)
        {
            names = [Qualify(ns, "User"), Qualify(ns, "Doc")];
        }

        if (rng.Chance(0.25))
        {
            var other = ns == "Other" ? "Else" : "Other";
            // Distinct base names: a type in a namespace may not shadow one of the empty namespace.
            var used = names.Select(n => n.Split("::")[^1]).ToHashSet();
            names.AddRange(rng.Some(Names.EntityTypes, 2).Where(n => !used.Contains(n) || rng.Chance(0.05)).Select(n => Qualify(other, n)));
        }

        var commons = new Dictionary<string, GenType>();
        foreach (var common in rng.Some(Names.CommonTypes, 2))
        {
            commons[common] = Type(names, depth: 2, commons: null);
        }

        var entities = names.Select(n => EntityType(n, names, ns, commons)).ToList();
        var actions = Actions(entities.Select(e => e.Name).ToList(), ns, commons);
        return new GenSchema(ns, entities, actions, commons);
    }

    /// <summary>A random type whose entity references name the given types.</summary>
    public GenType Type(IReadOnlyList<string> entityTypes, int depth, IReadOnlyDictionary<string, GenType>? commons)
    {
        if (commons is { Count: > 0 } && rng.Chance(0.1))
        {
            var (name, type) = rng.Pick(commons.ToList());
            return type with { CommonName = name };
        }

        var roll = rng.Int(0, depth > 0 ? 9 : 6);
        return roll switch
        {
            0 => GenType.Bool,
            1 or 2 => GenType.Long,
            3 or 4 => GenType.String,
            5 => GenType.EntityOf(rng.Pick(entityTypes)),
            6 => GenType.ExtensionOf(rng.Pick(GenType.ExtensionNames)),
            7 or 8 => GenType.SetOf(Type(entityTypes, depth - 1, commons)),
            _ => GenType.RecordOf(Attributes(entityTypes, depth - 1, 3, commons)),
        };
    }

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "::" + name;

    private List<GenAttribute> Attributes(IReadOnlyList<string> entityTypes, int depth, int max, IReadOnlyDictionary<string, GenType>? commons) =>
        [.. rng.Some(Names.Attributes, max).Distinct().Select(n => new GenAttribute(n, Type(entityTypes, depth, commons), rng.Chance(0.75)))];

    private GenEntityType EntityType(string name, IReadOnlyList<string> all, string ns, IReadOnlyDictionary<string, GenType> commons)
    {
        // Common types live in the main namespace, so only its entity types use them.
        var usable = name == Qualify(ns, name.Split("::")[^1]) ? commons : null;
        if (rng.Chance(0.1))
        {
            return new GenEntityType(name, [], [], null, [.. rng.Some(Names.EntityIds, 3).Distinct().DefaultIfEmpty("a")]);
        }

        return new GenEntityType(
            name,
            Attributes(all, 2, 4, usable),
            rng.Some(all, 2),
            rng.Chance(0.25) ? Type(all, 1, null) : null,
            null);
    }

    private List<GenAction> Actions(IReadOnlyList<string> entityTypes, string ns, IReadOnlyDictionary<string, GenType> commons)
    {
        var ids = rng.Some(Names.Actions, 4);
        if (ids.Count == 0)
        {
            ids.Add("view");
        }

        var actions = new List<GenAction>();
        var groups = rng.Chance(0.35) ? rng.Some(Names.ActionGroups, 2) : [];
        foreach (var group in groups)
        {
            actions.Add(new GenAction(group, [], null, [], GenType.RecordOf([])));
        }

        foreach (var id in ids)
        {
            var context = GenType.RecordOf(Attributes(entityTypes, 2, 3, commons));
            var appliesTo = rng.Chance(0.92);
            actions.Add(new GenAction(
                id,
                rng.Some(groups, 2),
                appliesTo ? NonEmpty(rng.Some(entityTypes, 2), entityTypes) : null,
                appliesTo ? NonEmpty(rng.Some(entityTypes, 2), entityTypes) : [],
                context));
        }

        return actions;
    }

    private List<string> NonEmpty(List<string> chosen, IReadOnlyList<string> all) => chosen.Count > 0 ? chosen : [rng.Pick(all)];
}
