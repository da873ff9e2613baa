namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A common type declaration (<c>type Name = ...;</c>).</summary>
internal sealed record RawCommonType(string Name, RawType Type, SourcePosition Position);
