using System.Text;

namespace Airlock.Cedar.Schemas;

/// <summary>A reference to entities of one entity type (possibly an action type such as <c>NS::Action</c>).</summary>
public sealed class EntitySchemaType : SchemaType
{
    /// <summary>Creates a reference to the entity type <paramref name="name"/>, which must be fully qualified.</summary>
    public EntitySchemaType(string name)
        : base(1, 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The fully qualified entity type name, for example <c>NS::User</c>.</summary>
    public string Name { get; }

    public override bool Equals(SchemaType? other) => other is EntitySchemaType e && e.Name == Name;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    internal override void WriteTo(StringBuilder sb) => sb.Append(Name);
}
