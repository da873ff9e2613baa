namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A type name as written (possibly qualified with <c>::</c>), still to be resolved.</summary>
internal sealed class RawTypeReference(string name, ReferenceKind kind, SourcePosition position) : RawType(position)
{
    public string Name { get; } = name;

    public ReferenceKind Kind { get; } = kind;
}
