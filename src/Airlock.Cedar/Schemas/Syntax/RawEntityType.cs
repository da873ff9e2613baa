namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>An entity type declaration as written (one per declared name).</summary>
internal sealed record RawEntityType(
    string Name,
    SourcePosition Position,
    IReadOnlyList<RawName> MemberOfTypes,
    RawType? Shape,
    RawType? Tags,
    IReadOnlyList<string>? EnumIds);
