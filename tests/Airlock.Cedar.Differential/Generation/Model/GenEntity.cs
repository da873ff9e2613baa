namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A generated entity.</summary>
/// <param name="Type">Its entity type.</param>
/// <param name="Id">Its id.</param>
/// <param name="Attributes">Its attributes, in order.</param>
/// <param name="Parents">Its parents as (type, id).</param>
/// <param name="Tags">Its tags, or null to leave the <c>tags</c> key out.</param>
public sealed record GenEntity(
    string Type,
    string Id,
    IReadOnlyList<KeyValuePair<string, GenValue>> Attributes,
    IReadOnlyList<(string Type, string Id)> Parents,
    IReadOnlyList<KeyValuePair<string, GenValue>>? Tags);
