namespace Airlock.Cedar.Schemas;

/// <summary>The declaration of one entity type, with every name resolved.</summary>
public sealed class EntityTypeSchema
{
    internal EntityTypeSchema(
        string name,
        IReadOnlyList<string> memberOfTypes,
        RecordSchemaType shape,
        SchemaType? tags,
        IReadOnlyList<string>? enumIds)
    {
        Name = name;
        MemberOfTypes = memberOfTypes;
        Shape = shape;
        Tags = tags;
        EnumIds = enumIds;
    }

    /// <summary>The fully qualified entity type name, for example <c>NS::User</c>.</summary>
    public string Name { get; }

    /// <summary>The declared parent types (<c>in [...]</c>), fully qualified, in declaration order without repeats.</summary>
    public IReadOnlyList<string> MemberOfTypes { get; }

    /// <summary>The attributes entities of this type carry; the empty record when none are declared.</summary>
    public RecordSchemaType Shape { get; }

    /// <summary>The type of every tag value, or null when entities of this type have no tags.</summary>
    public SchemaType? Tags { get; }

    /// <summary>For an enumerated entity type (<c>enum ["a", "b"]</c>), the only valid entity ids; null otherwise.</summary>
    public IReadOnlyList<string>? EnumIds { get; }

    /// <summary>True for an enumerated entity type.</summary>
    public bool IsEnum => EnumIds is not null;

    public override string ToString() => "entity " + Name;
}
