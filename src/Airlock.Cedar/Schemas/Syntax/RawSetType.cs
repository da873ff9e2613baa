namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A set type as written.</summary>
internal sealed class RawSetType(RawType element, SourcePosition position) : RawType(position)
{
    public RawType Element { get; } = element;
}
