using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>An immutable set of capabilities; sets stay tiny, so a list is the right structure.</summary>
internal sealed class CapabilitySet
{
    private readonly Capability[] items;

    private CapabilitySet(Capability[] items) => this.items = items;

    public static CapabilitySet Empty { get; } = new([]);

    public bool IsEmpty => items.Length == 0;

    public static CapabilitySet Of(Capability capability) => new([capability]);

    public bool Contains(Capability capability) => Array.Exists(items, c => c.Equals(capability));

    /// <summary>True when the set says that <paramref name="attribute"/> exists on <paramref name="target"/>.</summary>
    public bool HasAttribute(Expr target, string attribute)
    {
        foreach (var c in items)
        {
            if (c.IsAttribute(target, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the set says that the tag <paramref name="tag"/> exists on <paramref name="target"/>.</summary>
    public bool HasTag(Expr target, Expr tag)
    {
        foreach (var c in items)
        {
            if (c.IsTag(target, tag))
            {
                return true;
            }
        }

        return false;
    }

    public CapabilitySet Union(CapabilitySet other)
    {
        if (other.IsEmpty || ReferenceEquals(this, other))
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var merged = new List<Capability>(items);
        foreach (var c in other.items)
        {
            if (!Contains(c))
            {
                merged.Add(c);
            }
        }

        return new CapabilitySet([.. merged]);
    }

    public CapabilitySet Intersect(CapabilitySet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        var kept = items.Where(other.Contains).ToArray();
        return kept.Length == 0 ? Empty : new CapabilitySet(kept);
    }
}
