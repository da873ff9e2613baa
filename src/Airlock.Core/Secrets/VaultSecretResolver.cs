using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Services;

namespace Airlock.Core.Secrets;

/// <summary>
/// Lets credential injection read secrets from the vault, failing closed with the secret's name only. A value read
/// is kept in memory until <see cref="Invalidate"/> (every secret change through this node calls it), so a call does
/// not read and decrypt its secret from the store each time: the leak scanner holds every value in memory anyway.
/// </summary>
public sealed class VaultSecretResolver(Vault vault) : ISecretResolver
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    public async ValueTask<string> GetSecretAsync(string name, CancellationToken ct)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var generation = Volatile.Read(ref _generation);
        var value = await ReadAsync(name, ct).ConfigureAwait(false);
        lock (_gate)
        {
            // A read that began before a change must not put the old value back.
            if (generation == _generation)
            {
                _values[name] = value;
            }
        }

        return value;
    }

    /// <summary>Forgets every value read so far; the next call reads the vault again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _values.Clear();
        }
    }

    private async Task<string> ReadAsync(string name, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await vault.RevealAsync(name, version: null, ct).ConfigureAwait(false);
        }
        catch (VaultException e)
        {
            throw new CredentialUnavailableException($"secret `{name}` cannot be read: {e.Error}", e);
        }
        catch (SecretDecryptionException e)
        {
            throw new CredentialUnavailableException($"secret `{name}` does not decrypt; its stored form was altered or moved", e);
        }

        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
