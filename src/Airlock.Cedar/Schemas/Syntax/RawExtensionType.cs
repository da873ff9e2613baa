namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>An extension type written with the JSON <c>"Extension"</c> keyword; the name is already checked.</summary>
internal sealed class RawExtensionType(ExtensionSchemaType type, SourcePosition position) : RawType(position)
{
    public ExtensionSchemaType Type { get; } = type;
}
