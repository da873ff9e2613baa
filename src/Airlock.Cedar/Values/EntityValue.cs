namespace Airlock.Cedar.Values;

/// <summary>A reference to an entity as a value.</summary>
public sealed class EntityValue(EntityUid uid) : Value
{
    public EntityUid Uid { get; } = uid;

    public override ValueKind Kind => ValueKind.Entity;

    public override bool Equals(Value? other) => other is EntityValue e && e.Uid.Equals(Uid);

    public override int GetHashCode() => Uid.GetHashCode();

    public override string ToString() => Uid.ToString();
}
