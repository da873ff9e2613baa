namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>A primitive written with a JSON type keyword (<c>"Long"</c>, <c>"String"</c>, <c>"Boolean"</c>).</summary>
internal sealed class RawPrimitiveType(PrimitiveKind kind, SourcePosition position) : RawType(position)
{
    public PrimitiveKind Kind { get; } = kind;
}
