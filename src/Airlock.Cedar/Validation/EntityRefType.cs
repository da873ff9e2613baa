namespace Airlock.Cedar.Validation;

/// <summary>
/// A reference to entities: either any entity, or one of a non-empty set of entity types (a union that
/// only permissive least upper bounds create; strict checking works with single types).
/// </summary>
internal sealed class EntityRefType : CedarType
{
    private readonly string[]? types;
    private readonly int hash;

    private EntityRefType(string[]? types)
    {
        this.types = types;
        var h = new HashCode();
        h.Add(5);
        foreach (var t in types ?? [])
        {
            h.Add(StringComparer.Ordinal.GetHashCode(t));
        }

        hash = h.ToHashCode();
    }

    /// <summary>The type of every entity, whatever its type.</summary>
    public static EntityRefType AnyEntity { get; } = new(null);

    /// <summary>True for <see cref="AnyEntity"/>.</summary>
    public bool IsAny => types is null;

    /// <summary>The entity types of the union in ordinal order; empty for <see cref="AnyEntity"/>.</summary>
    public IReadOnlyList<string> Types => types ?? [];

    /// <summary>The entity type when this is exactly one, otherwise null.</summary>
    public string? Single => types is { Length: 1 } ? types[0] : null;

    public static EntityRefType Of(string entityType) => new([entityType]);

    public static EntityRefType Union(IEnumerable<string> entityTypes) =>
        new([.. entityTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public bool Contains(string entityType) => types is not null && Array.IndexOf(types, entityType) >= 0;

    /// <summary>True when every type of this union is in <paramref name="other"/>'s union.</summary>
    public bool IsSubsetOf(EntityRefType other) => types is not null && other.types is not null && types.All(other.Contains);

    /// <summary>True when the two unions share no entity type.</summary>
    public bool IsDisjoint(EntityRefType other) => types is not null && other.types is not null && !types.Any(other.Contains);

    public override bool Equals(CedarType? other) =>
        other is EntityRefType e && e.hash == hash
        && (types is null ? e.types is null : e.types is not null && types.AsSpan().SequenceEqual(e.types));

    public override int GetHashCode() => hash;

    public override string ToString() => types switch
    {
        null => "__cedar::internal::AnyEntity",
        { Length: 1 } => types[0],
        _ => "__cedar::internal::Union<" + string.Join(", ", types) + ">",
    };
}
