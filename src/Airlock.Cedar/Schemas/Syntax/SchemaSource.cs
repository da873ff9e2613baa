namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>The text a schema came from; turns positions into diagnostics.</summary>
internal sealed class SchemaSource(SourceText text)
{
    public SourceText Text { get; } = text;

    /// <summary>Creates a diagnostic at <paramref name="position"/>, naming the JSON path when there is one.</summary>
    public CedarDiagnostic Diagnostic(SourcePosition position, string message, string? help = null)
    {
        var full = position.JsonPath is null ? message : $"{message} (at `{position.JsonPath}`)";
        return Text.Diagnostic(position.Offset, full, help);
    }
}
