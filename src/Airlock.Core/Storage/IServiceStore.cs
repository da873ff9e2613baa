using Airlock.Core.Services;

namespace Airlock.Core.Storage;

public interface IServiceStore
{
    /// <summary>Inserts or replaces by name (every field, <c>CreatedAt</c> too). Returns true when the service is new.</summary>
    Task<bool> UpsertAsync(ServiceDefinition service, CancellationToken cancellationToken = default);

    Task<ServiceDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All services, ordered by name.</summary>
    Task<IReadOnlyList<ServiceDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns false when no such service existed.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
