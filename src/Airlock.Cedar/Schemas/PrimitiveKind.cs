namespace Airlock.Cedar.Schemas;

/// <summary>The primitive Cedar types.</summary>
public enum PrimitiveKind
{
    Bool,
    Long,
    String,
}
