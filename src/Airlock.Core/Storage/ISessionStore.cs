using Airlock.Core.Sessions;

namespace Airlock.Core.Storage;

public interface ISessionStore
{
    /// <summary>Returns false, changing nothing, when a session with that id exists.</summary>
    Task<bool> TryAddAsync(Session session, CancellationToken cancellationToken = default);

    Task<Session?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sessions matching every given filter, newest first (ties by id, descending). Expired and revoked sessions are included only
    /// when <paramref name="includeEnded"/> is true (judged at <paramref name="now"/>).
    /// </summary>
    Task<IReadOnlyList<Session>> ListAsync(
        DateTimeOffset now,
        string? agentId = null,
        string? userId = null,
        bool includeEnded = false,
        CancellationToken cancellationToken = default);

    /// <summary>Revokes one session if it is not revoked already; returns whether it changed.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default);

    /// <summary>Revokes every unrevoked session of the agent, expired ones too; returns their ids in ordinal order.</summary>
    Task<IReadOnlyList<string>> RevokeByAgentAsync(string agentId, DateTimeOffset at, string reason, CancellationToken cancellationToken = default);

    /// <summary>Revokes every unrevoked session acting for the user, expired ones too; returns their ids in ordinal order.</summary>
    Task<IReadOnlyList<string>> RevokeByUserAsync(string userId, DateTimeOffset at, string reason, CancellationToken cancellationToken = default);
}
