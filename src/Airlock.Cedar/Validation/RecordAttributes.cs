namespace Airlock.Cedar.Validation;

/// <summary>The attributes of a record or entity type, by name in ordinal order; immutable.</summary>
internal sealed class RecordAttributes : IEquatable<RecordAttributes>
{
    private readonly SortedDictionary<string, AttributeType> attributes;
    private readonly int hash;

    public RecordAttributes(IEnumerable<KeyValuePair<string, AttributeType>> attributes)
    {
        this.attributes = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
        foreach (var (name, type) in attributes)
        {
            this.attributes[name] = type;
        }

        var h = new HashCode();
        foreach (var (name, type) in this.attributes)
        {
            h.Add(StringComparer.Ordinal.GetHashCode(name));
            h.Add(type);
        }

        hash = h.ToHashCode();
    }

    public static RecordAttributes Empty { get; } = new([]);

    public int Count => attributes.Count;

    public IEnumerable<string> Names => attributes.Keys;

    public IEnumerable<KeyValuePair<string, AttributeType>> All => attributes;

    public AttributeType? Get(string name) => attributes.GetValueOrDefault(name);

    public bool Contains(string name) => attributes.ContainsKey(name);

    /// <summary>True when both have exactly the same attribute names.</summary>
    public bool SameNames(RecordAttributes other) =>
        other.Count == Count && attributes.Keys.All(other.attributes.ContainsKey);

    public bool Equals(RecordAttributes? other)
    {
        if (other is null || other.hash != hash || other.Count != Count)
        {
            return false;
        }

        foreach (var (name, type) in attributes)
        {
            if (!other.attributes.TryGetValue(name, out var theirs) || !theirs.Equals(type))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RecordAttributes other && Equals(other);

    public override int GetHashCode() => hash;
}
