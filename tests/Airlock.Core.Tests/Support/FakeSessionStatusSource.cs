using System.Collections.Concurrent;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Support;

/// <summary>Session statuses set by the test; sessions never set are unknown. Counts the calls.</summary>
public sealed class FakeSessionStatusSource : ISessionStatusSource
{
    private readonly ConcurrentDictionary<string, SessionStatus> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _disabledAgents = new(StringComparer.Ordinal);
    private int _calls;

    public int Calls => _calls;

    public void Set(string sessionId, SessionStatus status) => _sessions[sessionId] = status;

    public void DisableAgent(string agentId) => _disabledAgents[agentId] = true;

    public ValueTask<SessionStatus> GetAsync(string sessionId, string agentId, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        if (_disabledAgents.ContainsKey(agentId))
        {
            return new(SessionStatus.AgentDisabled);
        }

        return new(_sessions.TryGetValue(sessionId, out var status) ? status : SessionStatus.Unknown);
    }
}
