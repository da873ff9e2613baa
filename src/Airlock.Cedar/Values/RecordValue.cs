namespace Airlock.Cedar.Values;

/// <summary>A Cedar record: attribute names mapped to values, compared by content.</summary>
public sealed class RecordValue : Value
{
    public static readonly RecordValue Empty = new(new Dictionary<string, Value>());

    private readonly Dictionary<string, Value> attributes;

    public RecordValue(Dictionary<string, Value> attributes) => this.attributes = attributes;

    public IReadOnlyDictionary<string, Value> Attributes => attributes;

    public int Count => attributes.Count;

    public override ValueKind Kind => ValueKind.Record;

    public bool TryGet(string name, out Value value) => attributes.TryGetValue(name, out value!);

    public bool Has(string name) => attributes.ContainsKey(name);

    public override bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not RecordValue r || r.Count != Count)
        {
            return false;
        }

        foreach (var (k, v) in attributes)
        {
            if (!r.attributes.TryGetValue(k, out var ov) || !ov.Equals(v))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var h = 31 + Count;
        foreach (var k in attributes.Keys)
        {
            h ^= StringComparer.Ordinal.GetHashCode(k);
        }

        return h;
    }

    public override string ToString() =>
        "{" + string.Join(", ", attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => CedarString.Quote(kv.Key) + ": " + kv.Value)) + "}";
}
