namespace Airlock.Cedar.Differential.Running;

/// <summary>cedar-wasm's answers to a group's checks.</summary>
/// <param name="Schema">Whether the schema parses.</param>
/// <param name="Parse">Per case: whether its policy text parses.</param>
/// <param name="Validate">Per case: its validation, or null when it was not asked for.</param>
/// <param name="Authorize">Per case, per request: the authorization.</param>
public sealed record GroupAnswers(Answer Schema, IReadOnlyList<Answer> Parse, IReadOnlyList<Answer?> Validate, IReadOnlyList<IReadOnlyList<Answer>> Authorize);
