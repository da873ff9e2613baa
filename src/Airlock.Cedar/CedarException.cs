namespace Airlock.Cedar;

/// <summary>Thrown when Cedar input (policy text, schema, entities or context JSON) cannot be accepted; carries every problem found.</summary>
public sealed class CedarException : Exception
{
    public CedarException()
        : this([])
    {
    }

    public CedarException(string message)
        : this([new CedarDiagnostic(message, null, 0, 0)])
    {
    }

    public CedarException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [new CedarDiagnostic(message, null, 0, 0)];

    public CedarException(IReadOnlyList<CedarDiagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? "invalid Cedar input" : string.Join("\n", diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Every problem found, in source order.</summary>
    public IReadOnlyList<CedarDiagnostic> Diagnostics { get; }
}
