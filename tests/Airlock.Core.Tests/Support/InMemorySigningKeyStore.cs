using Airlock.Core.Storage;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Support;

/// <summary>The signing-key part of the store contract, in memory.</summary>
public sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly Lock _lock = new();
    private readonly List<SigningKeyRecord> _keys = [];

    public Task<bool> TryAddAsync(SigningKeyRecord key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_keys.Any(k => k.KeyId == key.KeyId))
            {
                return Task.FromResult(false);
            }

            _keys.Add(key);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SigningKeyRecord>>(_keys.ToArray());
        }
    }

    public Task<bool> RetireAsync(string keyId, DateTimeOffset retiredAt, DateTimeOffset verifyUntil, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var index = _keys.FindIndex(k => k.KeyId == keyId);
            if (index < 0 || _keys[index].RetiredAt is not null)
            {
                return Task.FromResult(false);
            }

            _keys[index] = _keys[index] with { RetiredAt = retiredAt, VerifyUntil = verifyUntil };
            return Task.FromResult(true);
        }
    }
}
