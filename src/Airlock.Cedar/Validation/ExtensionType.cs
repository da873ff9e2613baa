namespace Airlock.Cedar.Validation;

/// <summary>An extension type such as <c>decimal</c> or <c>datetime</c>.</summary>
internal sealed class ExtensionType(string name) : CedarType
{
    public string Name { get; } = name;

    public override bool Equals(CedarType? other) => other is ExtensionType e && e.Name == Name;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;
}
