namespace Airlock.Cedar;

/// <summary>A policy whose condition raised an error; it was skipped, as Cedar specifies.</summary>
public sealed record PolicyEvaluationError(string PolicyId, string Message);
