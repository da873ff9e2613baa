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
