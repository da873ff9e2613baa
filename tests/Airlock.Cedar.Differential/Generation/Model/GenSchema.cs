namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A generated schema: entity types (possibly in two namespaces), actions of one namespace, common types.</summary>
/// <param name="Namespace">The namespace of the actions (and most entity types); empty for none.</param>
/// <param name="EntityTypes">Every entity type.</param>
/// <param name="Actions">Every action, all of type <c>{Namespace}::Action</c>.</param>
/// <param name="CommonTypes">Common types of <see cref="Namespace"/>, by base name.</param>
public sealed record GenSchema(string Namespace, IReadOnlyList<GenEntityType> EntityTypes, IReadOnlyList<GenAction> Actions, IReadOnlyDictionary<string, GenType> CommonTypes)
{
    /// <summary>The action entity type, such as <c>NS::Action</c>.</summary>
    public string ActionType => Namespace.Length == 0 ? "Action" : Namespace + "::Action";

    public GenEntityType? Entity(string name) => EntityTypes.FirstOrDefault(e => e.Name == name);
}
