namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>An action declaration.</summary>
/// <param name="Id">The action id.</param>
/// <param name="MemberOf">Ids of the action groups it belongs to (same namespace).</param>
/// <param name="Principals">Principal types (fully qualified), or null for an action without <c>appliesTo</c>.</param>
/// <param name="Resources">Resource types (fully qualified).</param>
/// <param name="Context">The context record type.</param>
public sealed record GenAction(string Id, IReadOnlyList<string> MemberOf, IReadOnlyList<string>? Principals, IReadOnlyList<string> Resources, GenType Context);
