using Airlock.Cedar.Conformance.Checking;

namespace Airlock.Cedar.Conformance.Engines;

/// <summary>A stage at which an engine rejected the test's input, with its messages.</summary>
/// <param name="Kind">The stage: one of the parse kinds, <see cref="FailureKind.RequestValidation"/> or <see cref="FailureKind.EngineCrash"/>.</param>
/// <param name="Messages">What the engine said.</param>
public sealed record EngineFailure(FailureKind Kind, IReadOnlyList<string> Messages);
