namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>The declarations of one namespace block as written; <see cref="Name"/> is empty for the empty namespace.</summary>
internal sealed class RawNamespace(string name, SourcePosition position)
{
    public string Name { get; } = name;

    public SourcePosition Position { get; } = position;

    public List<RawCommonType> CommonTypes { get; } = [];

    public List<RawEntityType> EntityTypes { get; } = [];

    public List<RawAction> Actions { get; } = [];
}
