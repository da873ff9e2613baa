namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A type as written, before names are resolved.</summary>
internal abstract class RawType(SourcePosition position)
{
    public SourcePosition Position { get; } = position;
}
