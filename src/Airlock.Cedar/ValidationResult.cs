using Airlock.Cedar.Validation;

namespace Airlock.Cedar;

/// <summary>The outcome of validating policies against a schema: errors make the policies invalid, warnings do not.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<ValidationIssue> errors, IReadOnlyList<ValidationIssue> warnings, SourceText? source)
    {
        ErrorIssues = errors;
        WarningIssues = warnings;
        Errors = [.. errors.Select(e => e.ToDiagnostic(source))];
        Warnings = [.. warnings.Select(w => w.ToDiagnostic(source))];
    }

    /// <summary>True when validation found no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error, each naming its policy, located in the source when it was given.</summary>
    public IReadOnlyList<CedarDiagnostic> Errors { get; }

    /// <summary>Every warning, such as a policy that can never apply.</summary>
    public IReadOnlyList<CedarDiagnostic> Warnings { get; }

    internal IReadOnlyList<ValidationIssue> ErrorIssues { get; }

    internal IReadOnlyList<ValidationIssue> WarningIssues { get; }
}
