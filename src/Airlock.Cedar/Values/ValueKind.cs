namespace Airlock.Cedar.Values;

/// <summary>The runtime kinds of Cedar values.</summary>
public enum ValueKind
{
    Bool,
    Long,
    String,
    Entity,
    Set,
    Record,
    Extension,
}
