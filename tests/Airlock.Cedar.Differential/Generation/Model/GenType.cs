namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A Cedar type in a generated schema.</summary>
/// <param name="Kind">What kind of type.</param>
/// <param name="Name">The entity type (fully qualified) or extension type name (<c>decimal</c>, <c>ipaddr</c>, <c>datetime</c>, <c>duration</c>).</param>
/// <param name="Element">The element type of a set.</param>
/// <param name="Attributes">The attributes of a record.</param>
/// <param name="CommonName">When set, the schema prints this type as a reference to the common type of this name.</param>
public sealed record GenType(GenTypeKind Kind, string? Name = null, GenType? Element = null, IReadOnlyList<GenAttribute>? Attributes = null, string? CommonName = null)
{
    public static readonly GenType Bool = new(GenTypeKind.Bool);
    public static readonly GenType Long = new(GenTypeKind.Long);
    public static readonly GenType String = new(GenTypeKind.String);

    public static readonly IReadOnlyList<string> ExtensionNames = ["decimal", "ipaddr", "datetime", "duration"];

    public static GenType SetOf(GenType element) => new(GenTypeKind.Set, Element: element);

    public static GenType RecordOf(IReadOnlyList<GenAttribute> attributes) => new(GenTypeKind.Record, Attributes: attributes);

    public static GenType EntityOf(string type) => new(GenTypeKind.Entity, Name: type);

    public static GenType ExtensionOf(string name) => new(GenTypeKind.Extension, Name: name);

    public IReadOnlyList<GenAttribute> Fields => Attributes ?? [];
}
