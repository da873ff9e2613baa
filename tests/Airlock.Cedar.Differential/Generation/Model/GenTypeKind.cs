namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>The kinds of Cedar types a generated schema uses.</summary>
public enum GenTypeKind
{
    Bool,
    Long,
    String,
    Set,
    Record,
    Entity,
    Extension,
}
