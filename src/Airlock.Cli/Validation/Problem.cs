using Airlock.Cedar;

namespace Airlock.Cli.Validation;

/// <summary>One error or warning about the policies, with the id of the policy it is in when known.</summary>
internal sealed record Problem(CedarDiagnostic Diagnostic, string? PolicyId);
