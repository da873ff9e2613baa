
namespace Airlock.Cedar.Values;

/// <summary>A Cedar set: unordered, duplicates removed, compared by membership.</summary>
public sealed class SetValue : Value
{
    public static readonly SetValue Empty = new([]);

    private readonly Value[] elements;
    private HashSet<Value>? lookup;
    private int hash;

    /// <summary>Creates a set from elements; duplicates are removed.</summary>
    public SetValue(IEnumerable<Value> elements)
    {
        var seen = new HashSet<Value>();
        var list = new List<Value>();
        foreach (var e in elements)
        {
            if (seen.Add(e))
            {
                list.Add(e);
            }
        }

        this.elements = [.. list];
    }

    /// <summary>The distinct elements, in first-seen order.</summary>
    public IReadOnlyList<Value> Elements => elements;

    public int Count => elements.Length;

    public override ValueKind Kind => ValueKind.Set;

    /// <summary>Membership by Cedar equality.</summary>
    public bool Contains(Value value)
    {
        if (elements.Length <= 8)
        {
            foreach (var e in elements)
            {
                if (e.Equals(value))
                {
                    return true;
                }
            }

            return false;
        }

        lookup ??= [.. elements];
        return lookup.Contains(value);
    }

    public override bool Equals(Value? other)
    {
        if (other is not SetValue s || s.Count != Count)
        {
            return false;
        }

        foreach (var e in elements)
        {
            if (!s.Contains(e))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        if (hash == 0)
        {
            // Order-independent: sets equal regardless of element order must hash alike.
            var h = 17 + Count;
            foreach (var e in elements)
            {
                h ^= e.GetHashCode();
            }

            hash = h == 0 ? 1 : h;
        }

        return hash;
    }

    public override string ToString() => "[" + string.Join(", ", elements.Select(e => e.ToString())) + "]";
}
