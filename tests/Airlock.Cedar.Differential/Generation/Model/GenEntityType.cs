namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>An entity type declaration.</summary>
/// <param name="Name">The fully qualified name.</param>
/// <param name="Shape">The attributes.</param>
/// <param name="MemberOf">Fully qualified names of the types its entities may be members of.</param>
/// <param name="Tags">The tag type, if entities of this type carry tags.</param>
/// <param name="EnumIds">For an enumerated entity type, its only ids.</param>
public sealed record GenEntityType(string Name, IReadOnlyList<GenAttribute> Shape, IReadOnlyList<string> MemberOf, GenType? Tags, IReadOnlyList<string>? EnumIds)
{
    /// <summary>The namespace part of <see cref="Name"/>, empty for none.</summary>
    public string Namespace => Name.LastIndexOf("::", StringComparison.Ordinal) is var i and >= 0 ? Name[..i] : string.Empty;

    /// <summary>The name without its namespace.</summary>
    public string BaseName => Name.LastIndexOf("::", StringComparison.Ordinal) is var i and >= 0 ? Name[(i + 2)..] : Name;
}
