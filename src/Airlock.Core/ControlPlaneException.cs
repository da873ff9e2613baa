namespace Airlock.Core;

/// <summary>Why a control-plane operation was refused; each maps to one HTTP status and CLI exit code.</summary>
public enum ControlPlaneError
{
    /// <summary>The input is well-formed but not acceptable (a bad name, an unknown secret, a TTL over the maximum).</summary>
    Validation,

    /// <summary>The named thing does not exist.</summary>
    NotFound,

    /// <summary>The thing already exists, or its state forbids the change.</summary>
    Conflict,
}

/// <summary>
/// A refusal that changed nothing. Messages are written for the operator (what, where, how to fix) and never
/// contain a secret value.
/// </summary>
public sealed class ControlPlaneException : Exception
{
    public ControlPlaneException(ControlPlaneError error, string message, IReadOnlyList<FieldError>? fields = null)
        : base(message)
    {
        Error = error;
        Fields = fields ?? [];
    }

    public ControlPlaneError Error { get; }

    public IReadOnlyList<FieldError> Fields { get; }

    public static ControlPlaneException NotFound(string what, string name) =>
        new(ControlPlaneError.NotFound, $"{what} '{name}' does not exist");

    public static ControlPlaneException Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>A validation refusal naming every field at fault; the message lists them all.</summary>
    public static ControlPlaneException Invalid(IReadOnlyList<FieldError> fields) =>
        new(ControlPlaneError.Validation, string.Join("; ", fields.Select(e => $"{e.Field} {e.Message}")), fields);
}
