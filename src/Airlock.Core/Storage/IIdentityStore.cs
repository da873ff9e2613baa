using Airlock.Core.Identities;

namespace Airlock.Core.Storage;

public interface IIdentityStore
{
    /// <summary>Returns false, changing nothing, when an agent with that id exists.</summary>
    Task<bool> TryAddAgentAsync(Agent agent, CancellationToken cancellationToken = default);

    Task<Agent?> GetAgentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All agents, ordered by id.</summary>
    Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns false when no such agent exists; true otherwise, also when it already was in that state.</summary>
    Task<bool> SetAgentEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces by id (every field, <c>CreatedAt</c> too). Returns true when the user is new.</summary>
    Task<bool> UpsertUserAsync(User user, CancellationToken cancellationToken = default);

    Task<User?> GetUserAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All users, ordered by id.</summary>
    Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default);
}
