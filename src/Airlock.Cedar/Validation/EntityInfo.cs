using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Validation;

/// <summary>An entity type's declaration with its attributes and tags as validator types.</summary>
internal sealed record EntityInfo(
    EntityTypeSchema Declaration,
    RecordAttributes Attributes,
    bool OpenAttributes,
    CedarType? TagType,
    IReadOnlySet<string> Descendants)
{
    public string Name => Declaration.Name;
}
