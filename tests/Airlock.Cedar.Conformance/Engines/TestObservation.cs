namespace Airlock.Cedar.Conformance.Engines;

/// <summary>What an engine made of one test: a set-up failure, or a validation result and one observation per request.</summary>
/// <param name="Setup">Why the policies, schema or entities were rejected, if they were; then nothing else ran.</param>
/// <param name="Valid">Whether strict validation passed.</param>
/// <param name="ValidationMessages">The validation errors, for the report.</param>
/// <param name="Requests">One observation per request, in test order.</param>
public sealed record TestObservation(
    EngineFailure? Setup,
    bool Valid,
    IReadOnlyList<string> ValidationMessages,
    IReadOnlyList<RequestObservation> Requests)
{
    public static TestObservation Failed(EngineFailure failure) => new(failure, false, [], []);
}
