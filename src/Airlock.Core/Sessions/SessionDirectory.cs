using System.Collections.Concurrent;
using Airlock.Core.Identities;
using Airlock.Core.Storage;
using Airlock.Core.Tokens;

namespace Airlock.Core.Sessions;

/// <summary>
/// The node's live view of sessions and agents, consulted on every data-plane call: the token check asks it
/// whether a session is revoked or its agent disabled, and the call pipeline reads the same cached records, so a
/// call costs no store read once its session and agent have been seen. Revocations and agent changes made through
/// this node update it before the API answers, so they take effect at once; anything not yet seen is read from the
/// store. (Other nodes learn of changes through the PostgreSQL provider's notifications, a later issue.)
/// </summary>
public sealed class SessionDirectory(IAirlockStore store, TimeProvider time) : ISessionStatusSource
{
    private const int SweepThreshold = 50_000;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.Ordinal);

    public async ValueTask<SessionStatus> GetAsync(string sessionId, string agentId, CancellationToken ct)
    {
        var agent = await GetAgentAsync(agentId, ct).ConfigureAwait(false);
        if (agent is not { Enabled: true })
        {
            return SessionStatus.AgentDisabled;
        }

        var session = await GetSessionAsync(sessionId, ct).ConfigureAwait(false);
        if (session is null || session.AgentId != agentId)
        {
            return SessionStatus.Unknown;
        }

        return session.IsRevoked ? SessionStatus.Revoked : SessionStatus.Active;
    }

    /// <summary>The session, from this node's cache or the store; null when it does not exist.</summary>
    public async ValueTask<Session?> GetSessionAsync(string sessionId, CancellationToken ct)
    {
        if (_sessions.TryGetValue(sessionId, out var cached))
        {
            return cached;
        }

        var session = await store.Sessions.GetAsync(sessionId, ct).ConfigureAwait(false);
        return session is null ? null : _sessions.GetOrAdd(sessionId, session);
    }

    /// <summary>The agent, from this node's cache or the store; null when it does not exist.</summary>
    public async ValueTask<Agent?> GetAgentAsync(string agentId, CancellationToken ct)
    {
        if (_agents.TryGetValue(agentId, out var cached))
        {
            return cached;
        }

        var agent = await store.Identities.GetAgentAsync(agentId, ct).ConfigureAwait(false);
        return agent is null ? null : _agents.GetOrAdd(agentId, agent);
    }

    /// <summary>
    /// The user a session acts for. A user who was never registered has no groups, so only policies naming the
    /// user directly apply to them.
    /// </summary>
    public async ValueTask<User> GetUserAsync(string userId, DateTimeOffset seenAt, CancellationToken ct)
    {
        if (_users.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var user = await store.Identities.GetUserAsync(userId, ct).ConfigureAwait(false);
        return user is null ? new User(userId, [], seenAt) : _users.GetOrAdd(userId, user);
    }

    public void SessionStarted(Session session)
    {
        if (_sessions.Count > SweepThreshold)
        {
            Sweep();
        }

        _sessions[session.Id] = session;
    }

    public void SessionsRevoked(IEnumerable<string> sessionIds, string reason)
    {
        var now = time.GetUtcNow();
        foreach (var id in sessionIds)
        {
            // A session not cached here is read from the store on first use, where it is already revoked.
            if (_sessions.TryGetValue(id, out var session))
            {
                _sessions[id] = session with { RevokedAt = now, RevokedReason = reason };
            }
        }
    }

    /// <summary>
    /// Puts the agent's new state, as just stored, in place of any cached one. Setting rather than forgetting it means
    /// a call that read the old state from the store a moment earlier cannot put it back.
    /// </summary>
    public void AgentChanged(Agent agent) => _agents[agent.Id] = agent;

    /// <summary>Puts the user's new groups, as just stored, in place of any cached ones.</summary>
    public void UserChanged(User user) => _users[user.Id] = user;

    /// <summary>Drops sessions that have expired: their tokens fail the expiry check before this is consulted.</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (session.ExpiresAt < now - TimeSpan.FromMinutes(5))
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }
}
