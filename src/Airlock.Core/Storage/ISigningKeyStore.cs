using Airlock.Core.Tokens;

namespace Airlock.Core.Storage;

public interface ISigningKeyStore
{
    /// <summary>Returns false, changing nothing, when the key id exists.</summary>
    Task<bool> TryAddAsync(SigningKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>All keys, oldest first (ties by key id). The active key is the newest one not retired.</summary>
    Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a key retired; it keeps verifying until <paramref name="verifyUntil"/>. Returns whether it changed:
    /// false for an unknown key or one already retired, whose first retirement stands.
    /// </summary>
    Task<bool> RetireAsync(string keyId, DateTimeOffset retiredAt, DateTimeOffset verifyUntil, CancellationToken cancellationToken = default);
}
