using System.Text;
using Airlock.Cedar.Schemas.Syntax;

namespace Airlock.Cedar.Schemas;

/// <summary>A record type: named attributes, each required or optional.</summary>
public sealed class RecordSchemaType : SchemaType
{
    private readonly Dictionary<string, AttributeSchema> attributes;
    private readonly string[] orderedNames;
    private readonly int hash;

    /// <summary>Creates a record type; attribute names are compared ordinally.</summary>
    /// <param name="attributes">The attributes by name.</param>
    /// <param name="additionalAttributes">True when values may carry attributes beyond the declared ones (the JSON format's <c>additionalAttributes</c>).</param>
    public RecordSchemaType(IReadOnlyDictionary<string, AttributeSchema> attributes, bool additionalAttributes = false)
        : base(DepthOf(attributes), SizeOf(attributes))
    {
        orderedNames = [.. attributes.Keys.Order(StringComparer.Ordinal)];
        this.attributes = new Dictionary<string, AttributeSchema>(orderedNames.Length, StringComparer.Ordinal);
        var h = new HashCode();
        h.Add(additionalAttributes);
        foreach (var name in orderedNames)
        {
            var attribute = attributes[name];
            this.attributes.Add(name, attribute);
            h.Add(StringComparer.Ordinal.GetHashCode(name));
            h.Add(attribute.Type.GetHashCode());
            h.Add(attribute.Required);
        }

        AdditionalAttributes = additionalAttributes;
        hash = h.ToHashCode();
    }

    /// <summary>The closed record with no attributes.</summary>
    public static RecordSchemaType Empty { get; } = new(new Dictionary<string, AttributeSchema>());

    /// <summary>The declared attributes, enumerated in ordinal name order.</summary>
    public IReadOnlyDictionary<string, AttributeSchema> Attributes => attributes;

    /// <summary>The attribute names in ordinal order.</summary>
    public IReadOnlyList<string> AttributeNames => orderedNames;

    /// <summary>True when values may carry attributes beyond the declared ones.</summary>
    public bool AdditionalAttributes { get; }

    public override bool Equals(SchemaType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not RecordSchemaType r || r.hash != hash || r.AdditionalAttributes != AdditionalAttributes
            || r.attributes.Count != attributes.Count)
        {
            return false;
        }

        foreach (var (name, attribute) in attributes)
        {
            if (!r.attributes.TryGetValue(name, out var theirs) || !theirs.Equals(attribute))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode() => hash;

    internal override void WriteTo(StringBuilder sb)
    {
        if (orderedNames.Length == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append("{ ");
        for (var i = 0; i < orderedNames.Length; i++)
        {
            var attribute = attributes[orderedNames[i]];
            sb.Append(i == 0 ? string.Empty : ", ").Append(Identifiers.FormatName(orderedNames[i]));
            sb.Append(attribute.Required ? ": " : "?: ");
            attribute.Type.WriteTo(sb);
        }

        sb.Append(" }");
    }

    private static int DepthOf(IReadOnlyDictionary<string, AttributeSchema> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var max = 0;
        foreach (var attribute in attributes.Values)
        {
            max = Math.Max(max, attribute.Type.Depth);
        }

        return max + 1;
    }

    private static long SizeOf(IReadOnlyDictionary<string, AttributeSchema> attributes)
    {
        long size = 1;
        foreach (var attribute in attributes.Values)
        {
            size = Math.Min(size + attribute.Type.Size, 1L << 40);
        }

        return size;
    }
}
