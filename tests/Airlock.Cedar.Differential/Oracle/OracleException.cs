namespace Airlock.Cedar.Differential.Oracle;

/// <summary>The reference-engine process could not be started or stopped answering: a broken test set-up, never a Cedar disagreement.</summary>
public sealed class OracleException : Exception
{
    public OracleException()
    {
    }

    public OracleException(string message)
        : base(message)
    {
    }

    public OracleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
