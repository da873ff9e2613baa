namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>The kinds of generated data values; <see cref="Null"/> is JSON null, which Cedar rejects.</summary>
public enum GenValueKind
{
    Bool,
    Long,
    String,
    Set,
    Record,
    Entity,
    Extension,
    Null,
}
