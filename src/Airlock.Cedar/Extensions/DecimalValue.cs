using System.Diagnostics.CodeAnalysis;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>A Cedar <c>decimal</c>: a fixed-point number with four fraction digits, stored as a 64-bit integer scaled by 10^4.</summary>
[SuppressMessage("Design", "CA1036", Justification = "Value seals Equals(object) and already defines == and != as Cedar equality.")]
public sealed class DecimalValue : ExtensionValue, IComparable<DecimalValue>
{
    /// <summary>The factor between <see cref="ScaledValue"/> and the number it represents.</summary>
    public const long Scale = 10_000;

    // The constructor argument as written, kept because the reference displays a value
    // as the call that produced it (decimal("1.5") stays "1.5", not "1.5000").
    private readonly string? source;

    /// <summary>Creates a decimal from its scaled representation (the number times 10^4).</summary>
    public DecimalValue(long scaledValue)
        : this(scaledValue, null)
    {
    }

    private DecimalValue(long scaledValue, string? source)
    {
        ScaledValue = scaledValue;
        this.source = source;
    }

    /// <summary>The number times 10^4, for example 12300 for <c>1.23</c>.</summary>
    public long ScaledValue { get; }

    public override string TypeName => ExtensionTypeNames.Decimal;

    /// <summary>Parses a decimal literal with the reference's rules; false for any malformed or out-of-range text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DecimalValue? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DecimalParser.Parse(text, out var scaled) == DecimalParseStatus.Ok)
        {
            value = new DecimalValue(scaled, text);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Parses a decimal literal, throwing the reference's evaluation error when it is invalid.</summary>
    public static DecimalValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = DecimalParser.Parse(text, out var scaled);
        return status == DecimalParseStatus.Ok
            ? new DecimalValue(scaled, text)
            : throw ExtensionErrors.Failed(ExtensionTypeNames.Decimal, DecimalParser.Describe(status, text));
    }

    public int CompareTo(DecimalValue? other) => other is null ? 1 : ScaledValue.CompareTo(other.ScaledValue);

    public override bool Equals(Value? other) => other is DecimalValue d && d.ScaledValue == ScaledValue;

    public override int GetHashCode() => HashCode.Combine(ExtensionTypeNames.Decimal, ScaledValue);

    /// <summary>The number with exactly four fraction digits, for example <c>1.2300</c>.</summary>
    public string ToNumberString() => DecimalParser.Format(ScaledValue);

    /// <summary>Renders the constructor call as the reference displays it, keeping the original argument text.</summary>
    public override string ToString() => "decimal(" + CedarString.Quote(source ?? ToNumberString()) + ")";

    /// <summary>Renders the normalised constructor call, for example <c>decimal("1.2300")</c>.</summary>
    public string ToCanonicalString() => "decimal(" + CedarString.Quote(ToNumberString()) + ")";

    public static bool operator <(DecimalValue left, DecimalValue right) => left.CompareTo(right) < 0;

    public static bool operator <=(DecimalValue left, DecimalValue right) => left.CompareTo(right) <= 0;

    public static bool operator >(DecimalValue left, DecimalValue right) => left.CompareTo(right) > 0;

    public static bool operator >=(DecimalValue left, DecimalValue right) => left.CompareTo(right) >= 0;
}
