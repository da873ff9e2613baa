using Airlock.Core.Secrets;
using Airlock.Core.Storage;

namespace Airlock.Core.Tests.Support;

/// <summary>The secret part of the store contract, in memory, until the SQLite provider lands.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, List<SealedSecretVersion>> _secrets = new(StringComparer.Ordinal);

    /// <summary>Direct access to the rows, for tests that play an attacker with write access to the database.</summary>
    public List<SealedSecretVersion> Rows(string name)
    {
        lock (_lock)
        {
            return _secrets[name];
        }
    }

    public Task<int?> GetCurrentVersionAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_secrets.TryGetValue(name, out var versions) ? versions[^1].Version : (int?)null);
        }
    }

    public Task<bool> TryInsertVersionAsync(SealedSecretVersion version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_secrets.TryGetValue(version.Name, out var versions))
            {
                _secrets[version.Name] = versions = [];
            }

            if (versions.Any(v => v.Version == version.Version))
            {
                return Task.FromResult(false);
            }

            versions.Add(version);
            versions.Sort((a, b) => a.Version.CompareTo(b.Version));
            return Task.FromResult(true);
        }
    }

    public Task<SealedSecretVersion?> GetVersionAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_secrets.TryGetValue(name, out var versions))
            {
                return Task.FromResult<SealedSecretVersion?>(null);
            }

            return Task.FromResult(version is null ? versions[^1] : versions.FirstOrDefault(v => v.Version == version));
        }
    }

    public Task<IReadOnlyList<SealedSecretVersion>> GetAllCurrentAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SealedSecretVersion>>(_secrets.Values.Select(v => v[^1]).ToArray());
        }
    }

    public Task<IReadOnlyList<SecretSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SecretSummary>>(_secrets.Values
                .Select(v => new SecretSummary(v[0].Name, v[^1].Version, v.Count, v[0].CreatedAt, v[^1].CreatedAt))
                .ToArray());
        }
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_secrets.Remove(name));
        }
    }
}
