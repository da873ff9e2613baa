namespace Airlock.Cedar.Validation;

/// <summary>The type of 64-bit integers.</summary>
internal sealed class LongType : CedarType
{
    private LongType()
    {
    }

    public static LongType Instance { get; } = new();

    public override bool Equals(CedarType? other) => other is LongType;

    public override int GetHashCode() => 2;

    public override string ToString() => "Long";
}
