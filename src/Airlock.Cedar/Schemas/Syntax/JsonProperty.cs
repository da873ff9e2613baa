namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>One member of a JSON object, with the offset of its key.</summary>
internal sealed record JsonProperty(string Name, int Offset, JsonNode Value);
