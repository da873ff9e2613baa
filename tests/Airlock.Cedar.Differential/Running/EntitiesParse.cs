namespace Airlock.Cedar.Differential.Running;

/// <summary>Entities parsed once for a group and a request mode: the entities, or why they were rejected.</summary>
/// <param name="Entities">The entities, or null when rejected.</param>
/// <param name="Answer">The parse answer (<c>ok</c> or rejected with messages).</param>
public sealed record EntitiesParse(Entities? Entities, Answer Answer);
