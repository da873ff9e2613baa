namespace Airlock.Cedar.Values;

/// <summary>A Cedar boolean; only the two shared instances exist.</summary>
public sealed class BoolValue : Value
{
    public static readonly BoolValue True = new(true);
    public static readonly BoolValue False = new(false);

    private BoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Bool;

    public static BoolValue Of(bool value) => value ? True : False;

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Value ? 1 : 0;

    public override string ToString() => Value ? "true" : "false";
}
