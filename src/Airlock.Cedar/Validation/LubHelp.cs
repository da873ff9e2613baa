namespace Airlock.Cedar.Validation;

/// <summary>Why two types have no least upper bound; each value carries the reference's hint.</summary>
internal enum LubHelp
{
    /// <summary>Corresponding attributes differ in optionality.</summary>
    AttributeQualifier,

    /// <summary>The records have different attribute names.</summary>
    RecordWidth,

    /// <summary>Different entity types.</summary>
    EntityType,

    /// <summary>An entity type and a record type.</summary>
    EntityRecord,

    /// <summary>Any other pair of different types.</summary>
    None,
}
