using System.Text;

namespace Airlock.Cedar.Schemas;

/// <summary>One of the primitive types <c>Bool</c>, <c>Long</c> and <c>String</c>; use the shared instances.</summary>
public sealed class PrimitiveSchemaType : SchemaType
{
    private PrimitiveSchemaType(PrimitiveKind kind)
        : base(1, 1) => Kind = kind;

    /// <summary>The type <c>Bool</c> (<c>Boolean</c> in the JSON schema format).</summary>
    public static PrimitiveSchemaType Bool { get; } = new(PrimitiveKind.Bool);

    /// <summary>The type <c>Long</c>.</summary>
    public static PrimitiveSchemaType Long { get; } = new(PrimitiveKind.Long);

    /// <summary>The type <c>String</c>.</summary>
    public static PrimitiveSchemaType String { get; } = new(PrimitiveKind.String);

    /// <summary>Which primitive this is.</summary>
    public PrimitiveKind Kind { get; }

    /// <summary>Returns the shared instance for <paramref name="kind"/>.</summary>
    public static PrimitiveSchemaType Of(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Bool => Bool,
        PrimitiveKind.Long => Long,
        _ => String,
    };

    public override bool Equals(SchemaType? other) => other is PrimitiveSchemaType p && p.Kind == Kind;

    public override int GetHashCode() => (int)Kind;

    internal override void WriteTo(StringBuilder sb) => sb.Append(Kind switch
    {
        PrimitiveKind.Bool => "Bool",
        PrimitiveKind.Long => "Long",
        _ => "String",
    });
}
