namespace Airlock.Cedar.Schemas;

/// <summary>The declared type of one record or entity attribute, and whether every value must have it.</summary>
/// <param name="Type">The attribute's type.</param>
/// <param name="Required">False when the attribute was declared optional (<c>name?: T</c> or <c>"required": false</c>).</param>
public sealed record AttributeSchema(SchemaType Type, bool Required);
