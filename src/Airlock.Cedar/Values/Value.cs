namespace Airlock.Cedar.Values;

/// <summary>A Cedar runtime value: boolean, long, string, entity, set, record or extension value.</summary>
public abstract class Value : IEquatable<Value>
{
    /// <summary>The kind of value, for dispatch without type tests.</summary>
    public abstract ValueKind Kind { get; }

    public abstract bool Equals(Value? other);

    public sealed override bool Equals(object? obj) => obj is Value v && Equals(v);

    public abstract override int GetHashCode();

    /// <summary>Renders the value in Cedar expression syntax.</summary>
    public abstract override string ToString();

    public static bool operator ==(Value? left, Value? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Value? left, Value? right) => !(left == right);
}
