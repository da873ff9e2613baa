using System.Collections.Concurrent;
using Airlock.Core.Storage;
using Airlock.Core.Tokens;

namespace Airlock.Core.Sessions;

/// <summary>
/// The node's live view of which sessions are revoked and which agents are disabled, consulted on every
/// data-plane call. Revocations and agent changes made through this node update it before the API answers,
/// so they take effect at once; anything not yet seen is read from the store. (Other nodes learn of changes
/// through the PostgreSQL provider's notifications, a later issue.)
/// </summary>
public sealed class SessionDirectory(IAirlockStore store, TimeProvider time) : ISessionStatusSource
{
    private const int SweepThreshold = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _agentEnabled = new(StringComparer.Ordinal);

    public async ValueTask<SessionStatus> GetAsync(string sessionId, string agentId, CancellationToken ct)
    {
        if (!_agentEnabled.TryGetValue(agentId, out var enabled))
        {
            var agent = await store.Identities.GetAgentAsync(agentId, ct).ConfigureAwait(false);
            enabled = agent?.Enabled ?? false;
            if (agent is not null)
            {
                _agentEnabled.TryAdd(agentId, enabled);
            }
        }

        if (!enabled)
        {
            return SessionStatus.AgentDisabled;
        }

        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            var session = await store.Sessions.GetAsync(sessionId, ct).ConfigureAwait(false);
            if (session is null)
            {
                return SessionStatus.Unknown;
            }

            entry = _sessions.GetOrAdd(sessionId, new Entry(session.AgentId, session.ExpiresAt, session.IsRevoked));
        }

        if (entry.AgentId != agentId)
        {
            return SessionStatus.Unknown;
        }

        return entry.Revoked ? SessionStatus.Revoked : SessionStatus.Active;
    }

    public void SessionStarted(Session session)
    {
        if (_sessions.Count > SweepThreshold)
        {
            Sweep();
        }

        _sessions[session.Id] = new Entry(session.AgentId, session.ExpiresAt, session.IsRevoked);
    }

    public void SessionsRevoked(IEnumerable<string> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            // A session not cached here is read from the store on first use, where it is already revoked.
            if (_sessions.TryGetValue(id, out var entry))
            {
                _sessions[id] = entry with { Revoked = true };
            }
        }
    }

    public void AgentChanged(string agentId, bool enabled) => _agentEnabled[agentId] = enabled;

    /// <summary>Drops sessions that have expired: their tokens fail the expiry check before this is consulted.</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _sessions)
        {
            if (entry.ExpiresAt < now - TimeSpan.FromMinutes(5))
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    private sealed record Entry(string AgentId, DateTimeOffset ExpiresAt, bool Revoked);
}
