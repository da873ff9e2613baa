using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>An entity: its uid, attributes, tags and ancestors (the transitive closure of its parents).</summary>
public sealed class Entity
{
    public Entity(EntityUid uid, RecordValue attributes, IEnumerable<EntityUid> parents, RecordValue? tags = null)
    {
        Uid = uid;
        Attributes = attributes;
        Parents = new HashSet<EntityUid>(parents);
        Ancestors = Parents;
        Tags = tags ?? RecordValue.Empty;
    }

    public EntityUid Uid { get; }

    public RecordValue Attributes { get; }

    public RecordValue Tags { get; }

    /// <summary>The direct parents, as given.</summary>
    public IReadOnlySet<EntityUid> Parents { get; }

    /// <summary>All ancestors: parents, their parents, and so on (computed when the entity set is built).</summary>
    public IReadOnlySet<EntityUid> Ancestors { get; internal set; }

    /// <summary>True when this entity is a (transitive) descendant of <paramref name="ancestor"/>.</summary>
    public bool IsDescendantOf(EntityUid ancestor) => Ancestors.Contains(ancestor);
}
