namespace Airlock.Cedar.Values;

/// <summary>A Cedar string (a sequence of Unicode scalar values, compared ordinally).</summary>
public sealed class StringValue(string value) : Value
{
    public static readonly StringValue Empty = new(string.Empty);

    public string Value { get; } = value;

    public override ValueKind Kind => ValueKind.String;

    public override bool Equals(Value? other) => other is StringValue s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => CedarString.Quote(Value);
}
