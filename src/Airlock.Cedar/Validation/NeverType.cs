namespace Airlock.Cedar.Validation;

/// <summary>The bottom type, a subtype of every type; the element type of an empty set.</summary>
internal sealed class NeverType : CedarType
{
    private NeverType()
    {
    }

    public static NeverType Instance { get; } = new();

    public override bool Equals(CedarType? other) => other is NeverType;

    public override int GetHashCode() => 1;

    public override string ToString() => "__cedar::internal::Never";
}
