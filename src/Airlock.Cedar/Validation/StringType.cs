namespace Airlock.Cedar.Validation;

/// <summary>The type of strings.</summary>
internal sealed class StringType : CedarType
{
    private StringType()
    {
    }

    public static StringType Instance { get; } = new();

    public override bool Equals(CedarType? other) => other is StringType;

    public override int GetHashCode() => 3;

    public override string ToString() => "String";
}
