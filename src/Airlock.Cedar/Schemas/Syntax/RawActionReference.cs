namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A reference to a parent action as written: an optional action type (such as <c>NS::Action</c>) and an id.</summary>
internal sealed record RawActionReference(string? Type, string Id, SourcePosition Position);
