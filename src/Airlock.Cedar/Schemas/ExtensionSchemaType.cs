using System.Text;

namespace Airlock.Cedar.Schemas;

/// <summary>An extension type: <c>decimal</c>, <c>ipaddr</c>, <c>datetime</c> or <c>duration</c>; use the shared instances.</summary>
public sealed class ExtensionSchemaType : SchemaType
{
    private ExtensionSchemaType(string name)
        : base(1, 1) => Name = name;

    /// <summary>The <c>decimal</c> type.</summary>
    public static ExtensionSchemaType Decimal { get; } = new("decimal");

    /// <summary>The <c>ipaddr</c> type.</summary>
    public static ExtensionSchemaType IpAddr { get; } = new("ipaddr");

    /// <summary>The <c>datetime</c> type.</summary>
    public static ExtensionSchemaType DateTime { get; } = new("datetime");

    /// <summary>The <c>duration</c> type.</summary>
    public static ExtensionSchemaType Duration { get; } = new("duration");

    /// <summary>Every extension type, in the order the reference lists them.</summary>
    public static IReadOnlyList<ExtensionSchemaType> All { get; } = [IpAddr, Decimal, DateTime, Duration];

    /// <summary>The extension type name as written in schemas.</summary>
    public string Name { get; }

    /// <summary>Returns the extension type called <paramref name="name"/>, or null when there is none.</summary>
    public static ExtensionSchemaType? Find(string name)
    {
        foreach (var type in All)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }

    public override bool Equals(SchemaType? other) => other is ExtensionSchemaType e && e.Name == Name;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    internal override void WriteTo(StringBuilder sb) => sb.Append(Name);
}
