namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A name as written, with its position.</summary>
internal sealed record RawName(string Name, SourcePosition Position);
