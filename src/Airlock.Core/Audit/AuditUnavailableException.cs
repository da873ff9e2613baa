namespace Airlock.Core.Audit;

/// <summary>
/// A record could not be committed to the audit log within the bounded wait, or the log refused it. The call
/// it describes must not happen (fail closed, R13); the data plane answers 503. The message never holds a value
/// from the record.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
