using System.Globalization;

namespace Airlock.Cedar.Values;

/// <summary>A Cedar 64-bit signed integer.</summary>
public sealed class LongValue(long value) : Value
{
    private static readonly LongValue[] SmallValues = CreateSmallValues();

    public long Value { get; } = value;

    public override ValueKind Kind => ValueKind.Long;

    /// <summary>Returns a cached instance for small numbers so that common arithmetic does not allocate.</summary>
    public static LongValue Of(long value) =>
        value is >= -128 and < 1024 ? SmallValues[value + 128] : new LongValue(value);

    public override bool Equals(Value? other) => other is LongValue l && l.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static LongValue[] CreateSmallValues()
    {
        var values = new LongValue[1024 + 128];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new LongValue(i - 128);
        }

        return values;
    }
}
