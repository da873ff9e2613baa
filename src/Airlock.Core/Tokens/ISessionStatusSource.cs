namespace Airlock.Core.Tokens;

/// <summary>
/// Answers, on every validation, whether a session is still good. The gateway implements it with an in-memory
/// registry kept current on revoke and disable, so that revocation takes effect at once (R3, invariant 4).
/// </summary>
public interface ISessionStatusSource
{
    ValueTask<SessionStatus> GetAsync(string sessionId, string agentId, CancellationToken ct);
}
