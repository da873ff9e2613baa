namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>One attribute declaration as written.</summary>
internal sealed record RawAttribute(string Name, RawType Type, bool Required, SourcePosition Position);
