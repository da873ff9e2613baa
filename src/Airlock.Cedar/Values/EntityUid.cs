namespace Airlock.Cedar.Values;

/// <summary>A Cedar entity reference: a (possibly namespaced) type name and an id, such as <c>Airlock::Agent::"bot"</c>.</summary>
public sealed class EntityUid : IEquatable<EntityUid>
{
    private readonly int hash;

    public EntityUid(string type, string id)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(id);
        Type = type;
        Id = id;
        hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(id));
    }

    /// <summary>The fully qualified entity type name, for example <c>Airlock::User</c>.</summary>
    public string Type { get; }

    /// <summary>The entity id; any string.</summary>
    public string Id { get; }

    /// <summary>True when this names an action (type <c>Action</c> or <c>NS::Action</c>).</summary>
    public bool IsAction => IsActionType(Type);

    public static bool IsActionType(string type) =>
        type == "Action" || type.EndsWith("::Action", StringComparison.Ordinal);

    public bool Equals(EntityUid? other) =>
        other is not null && other.hash == hash && other.Id == Id && other.Type == Type;

    public override bool Equals(object? obj) => obj is EntityUid other && Equals(other);

    public override int GetHashCode() => hash;

    public override string ToString() => Type + "::" + CedarString.Quote(Id);

    public static bool operator ==(EntityUid? left, EntityUid? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(EntityUid? left, EntityUid? right) => !(left == right);
}
