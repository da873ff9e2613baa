namespace Airlock.Cedar.Validation;

/// <summary>The type of one record or entity attribute and whether it is always present.</summary>
internal sealed record AttributeType(CedarType Type, bool Required);
