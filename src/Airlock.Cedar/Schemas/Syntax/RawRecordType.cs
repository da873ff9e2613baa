namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A record type as written; attribute names are unique.</summary>
internal sealed class RawRecordType(IReadOnlyList<RawAttribute> attributes, SourcePosition position) : RawType(position)
{
    public IReadOnlyList<RawAttribute> Attributes { get; } = attributes;
}
