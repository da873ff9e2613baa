using System.Text;

namespace Airlock.Cedar.Validation;

/// <summary>A record type; an open record may hold attributes beyond the listed ones.</summary>
internal sealed class RecordType(RecordAttributes attributes, bool isOpen) : CedarType
{
    /// <summary>The open record with no known attributes: a supertype of every record.</summary>
    public static RecordType AnyRecord { get; } = new(RecordAttributes.Empty, isOpen: true);

    public RecordAttributes Attributes { get; } = attributes;

    public bool IsOpen { get; } = isOpen;

    public override bool Equals(CedarType? other) =>
        other is RecordType r && r.IsOpen == IsOpen && r.Attributes.Equals(Attributes);

    public override int GetHashCode() => HashCode.Combine(6, IsOpen, Attributes);

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (IsOpen)
        {
            sb.Append("__cedar::internal::OpenRecord");
        }

        sb.Append('{');
        foreach (var (name, attribute) in Attributes.All)
        {
            sb.Append(name).Append(attribute.Required ? ": " : "?: ").Append(attribute.Type).Append(',');
        }

        return sb.Append('}').ToString();
    }
}
