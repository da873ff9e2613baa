namespace Airlock.Cedar.Conformance.Engines;

/// <summary>What an engine answered for one request: a failure before authorization, or a decision with its diagnostics.</summary>
/// <param name="Failure">Why the request never reached authorization, if it did not.</param>
/// <param name="Decision"><c>allow</c> or <c>deny</c>, when authorized.</param>
/// <param name="Reason">Ids of the determining policies.</param>
/// <param name="Errors">Ids of the policies that raised evaluation errors.</param>
/// <param name="ErrorMessages">The evaluation error messages, for the report.</param>
public sealed record RequestObservation(
    EngineFailure? Failure,
    string? Decision,
    IReadOnlyList<string> Reason,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> ErrorMessages)
{
    public static RequestObservation Failed(EngineFailure failure) => new(failure, null, [], [], []);
}
