namespace Airlock.Cedar.Validation;

/// <summary>The reference's total order on types, used to list incompatible types in the same order it does.</summary>
internal sealed class TypeOrder : IComparer<CedarType>
{
    public static TypeOrder Instance { get; } = new();

    public int Compare(CedarType? x, CedarType? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        var byKind = Rank(x).CompareTo(Rank(y));
        if (byKind != 0)
        {
            return byKind;
        }

        switch (x, y)
        {
            case (BoolType a, BoolType b):
                return a.Kind.CompareTo(b.Kind);
            case (EntityRefType a, EntityRefType b):
                return a.IsAny || b.IsAny ? (a.IsAny ? 0 : 1) - (b.IsAny ? 0 : 1) : CompareNames(a.Types, b.Types);
            case (SetType a, SetType b):
                return Compare(a.Element, b.Element);
            case (RecordType a, RecordType b):
                var byAttributes = CompareAttributes(a.Attributes, b.Attributes);
                return byAttributes != 0 ? byAttributes : (b.IsOpen ? 1 : 0) - (a.IsOpen ? 1 : 0);
            case (ExtensionType a, ExtensionType b):
                return CompareName(a.Name, b.Name);
            default:
                return 0;
        }
    }

    private static int Rank(CedarType t) => t switch
    {
        NeverType => 0,
        BoolType => 1,
        LongType => 2,
        StringType => 3,
        EntityRefType => 4,
        SetType => 5,
        RecordType => 6,
        _ => 7,
    };

    private int CompareAttributes(RecordAttributes a, RecordAttributes b)
    {
        using var left = a.All.GetEnumerator();
        using var right = b.All.GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return (hasLeft ? 1 : 0) - (hasRight ? 1 : 0);
            }

            var c = string.CompareOrdinal(left.Current.Key, right.Current.Key);
            if (c == 0)
            {
                c = Compare(left.Current.Value.Type, right.Current.Value.Type);
            }

            if (c == 0)
            {
                c = left.Current.Value.Required.CompareTo(right.Current.Value.Required);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }

    private static int CompareNames(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var sortedA = a.Order(NameOrder).ToList();
        var sortedB = b.Order(NameOrder).ToList();
        for (var i = 0; i < Math.Min(sortedA.Count, sortedB.Count); i++)
        {
            var c = CompareName(sortedA[i], sortedB[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return sortedA.Count.CompareTo(sortedB.Count);
    }

    private static readonly Comparer<string> NameOrder = Comparer<string>.Create(CompareName);

    // Names order by their last component first, then by their namespace path.
    private static int CompareName(string a, string b)
    {
        var partsA = a.Split("::");
        var partsB = b.Split("::");
        var c = string.CompareOrdinal(partsA[^1], partsB[^1]);
        for (var i = 0; c == 0 && i < Math.Min(partsA.Length, partsB.Length) - 1; i++)
        {
            c = string.CompareOrdinal(partsA[i], partsB[i]);
        }

        return c != 0 ? c : partsA.Length.CompareTo(partsB.Length);
    }
}
