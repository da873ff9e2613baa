using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// Thrown by a request body source to stop a body midway (a held secret appeared in it): the upstream request is
/// aborted before the refused bytes are sent, and the agent receives <see cref="Problem"/>.
/// </summary>
public sealed class RequestBodyRefusedException(ApiProblem problem, IReadOnlyList<string> reasons) : IOException(problem.Message)
{
    public ApiProblem Problem { get; } = problem;

    /// <summary>Why, for the audit record (never a secret value).</summary>
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
