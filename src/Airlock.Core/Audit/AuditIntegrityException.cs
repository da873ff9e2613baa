namespace Airlock.Core.Audit;

/// <summary>The stored log does not match its own checkpoints; the gateway refuses to start on it.</summary>
public sealed class AuditIntegrityException : Exception
{
    public AuditIntegrityException()
    {
    }

    public AuditIntegrityException(string message)
        : base(message)
    {
    }

    public AuditIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditIntegrityException(string message, long? sequence)
        : base(message)
    {
        Sequence = sequence;
    }

    /// <summary>The first record found bad, when one can be named.</summary>
    public long? Sequence { get; }
}
