using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Validation;

/// <summary>One validation error or warning, located in the policy source.</summary>
internal sealed record ValidationIssue(ValidationErrorKind Kind, string PolicyId, SourceSpan Span, string Message, string? Help = null)
{
    /// <summary>Renders the issue as a diagnostic, with line and column when the policy source is known.</summary>
    public CedarDiagnostic ToDiagnostic(SourceText? source) =>
        source is null || Span == SourceSpan.None
            ? new CedarDiagnostic(Message, source?.Name, 0, 0, Help)
            : source.Diagnostic(Span.Start, Message, Help);
}
