using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Knowledge that an attribute or tag exists on the value of an expression, learned from a <c>has</c> or
/// <c>hasTag</c> test that must have been true. Expressions compare by shape, not by location.
/// </summary>
internal sealed class Capability : IEquatable<Capability>
{
    private Capability(Expr target, string? attribute, Expr? tag)
    {
        Target = target;
        Attribute = attribute;
        Tag = tag;
    }

    public Expr Target { get; }

    /// <summary>The attribute name, for an attribute capability.</summary>
    public string? Attribute { get; }

    /// <summary>The tag expression, for a tag capability.</summary>
    public Expr? Tag { get; }

    public static Capability ForAttribute(Expr target, string attribute) => new(target, attribute, null);

    public static Capability ForTag(Expr target, Expr tag) => new(target, null, tag);

    /// <summary>True when this says that <paramref name="attribute"/> exists on <paramref name="target"/>.</summary>
    public bool IsAttribute(Expr target, string attribute) =>
        Attribute == attribute && ExprShape.Instance.Equals(Target, target);

    /// <summary>True when this says that the tag <paramref name="tag"/> exists on <paramref name="target"/>.</summary>
    public bool IsTag(Expr target, Expr tag) =>
        Tag is not null && ExprShape.Instance.Equals(Tag, tag) && ExprShape.Instance.Equals(Target, target);

    public bool Equals(Capability? other) =>
        other is not null
        && other.Attribute == Attribute
        && (Tag is null ? other.Tag is null : other.Tag is not null && ExprShape.Instance.Equals(Tag, other.Tag))
        && ExprShape.Instance.Equals(Target, other.Target);

    public override bool Equals(object? obj) => obj is Capability other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Attribute is null ? 0 : StringComparer.Ordinal.GetHashCode(Attribute), ExprShape.Instance.GetHashCode(Target));
}
