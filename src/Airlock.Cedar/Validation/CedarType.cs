namespace Airlock.Cedar.Validation;

/// <summary>
/// A type in the validator's type system: the schema's types plus the bottom type, singleton booleans,
/// unions of entity types and open records, which only the type checker needs.
/// </summary>
internal abstract class CedarType : IEquatable<CedarType>
{
    public abstract bool Equals(CedarType? other);

    public sealed override bool Equals(object? obj) => obj is CedarType other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>Renders the type the way the reference's messages do, for example <c>Set&lt;User&gt;</c>.</summary>
    public abstract override string ToString();
}
