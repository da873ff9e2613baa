namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Where a schema element was written: a character offset, plus its JSON path in the JSON format.</summary>
/// <param name="Offset">Character offset into the source text.</param>
/// <param name="JsonPath">The element's path, such as <c>$.NS.entityTypes.User</c>, or null for the human-readable format.</param>
internal readonly record struct SourcePosition(int Offset, string? JsonPath = null);
