namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>One case: a policy set and the requests decided against it.</summary>
/// <param name="Policies">The policy set text.</param>
/// <param name="Parts">The individual policies, or null when the text was mutated and no longer splits cleanly.</param>
/// <param name="Requests">The requests.</param>
public sealed record Scenario(string Policies, IReadOnlyList<string>? Parts, IReadOnlyList<GenRequest> Requests)
{
    public bool Mutated => Parts is null;
}
