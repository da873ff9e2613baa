namespace Airlock.Cedar.Validation;

/// <summary>A set type; a null element type stands for "any set" and appears only as an expected type.</summary>
internal sealed class SetType(CedarType? element) : CedarType
{
    public static SetType AnySet { get; } = new(null);

    public CedarType? Element { get; } = element;

    public override bool Equals(CedarType? other) =>
        other is SetType s && (Element is null ? s.Element is null : Element.Equals(s.Element));

    public override int GetHashCode() => HashCode.Combine(4, Element);

    public override string ToString() => "Set<" + (Element?.ToString() ?? "__cedar::internal::Any") + ">";
}
