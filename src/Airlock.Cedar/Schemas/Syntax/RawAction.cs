namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>An action declaration as written (one per declared name); empty type lists when there is no <c>appliesTo</c>.</summary>
internal sealed record RawAction(
    string Name,
    SourcePosition Position,
    IReadOnlyList<RawActionReference> MemberOf,
    IReadOnlyList<RawName> PrincipalTypes,
    IReadOnlyList<RawName> ResourceTypes,
    RawType? Context);
