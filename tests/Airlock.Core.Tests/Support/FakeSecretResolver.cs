using Airlock.Core.Services;

namespace Airlock.Core.Tests.Support;

/// <summary>Secrets from a dictionary; a missing name fails as the vault adapter would.</summary>
public sealed class FakeSecretResolver : ISecretResolver
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public string this[string name]
    {
        set => _values[name] = value;
    }

    public ValueTask<string> GetSecretAsync(string name, CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        return _values.TryGetValue(name, out var value)
            ? ValueTask.FromResult(value)
            : throw new CredentialUnavailableException($"secret `{name}` does not exist");
    }
}
