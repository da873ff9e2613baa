using System.Text;

namespace Airlock.Cedar.Schemas;

/// <summary>The type <c>Set&lt;Element&gt;</c>.</summary>
public sealed class SetSchemaType : SchemaType
{
    private readonly int hash;

    /// <summary>Creates the type of sets whose elements have type <paramref name="element"/>.</summary>
    public SetSchemaType(SchemaType element)
        : base(Checked(element).Depth + 1, element.Size + 1)
    {
        Element = element;
        hash = HashCode.Combine(17, element.GetHashCode());
    }

    /// <summary>The type of every element.</summary>
    public SchemaType Element { get; }

    public override bool Equals(SchemaType? other) =>
        ReferenceEquals(this, other) || (other is SetSchemaType s && s.hash == hash && s.Element.Equals(Element));

    public override int GetHashCode() => hash;

    internal override void WriteTo(StringBuilder sb)
    {
        sb.Append("Set<");
        Element.WriteTo(sb);
        sb.Append('>');
    }

    private static SchemaType Checked(SchemaType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element;
    }
}
