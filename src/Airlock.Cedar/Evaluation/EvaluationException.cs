namespace Airlock.Cedar.Evaluation;

/// <summary>
/// A Cedar evaluation error (type error, missing attribute, overflow, bad extension call, ...).
/// The authorizer catches it per policy: the policy is skipped and reported, never the whole request.
/// </summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException()
    {
    }

    public EvaluationException(string message)
        : base(message)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
