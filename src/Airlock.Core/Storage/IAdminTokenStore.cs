using Airlock.Core.AdminTokens;

namespace Airlock.Core.Storage;

public interface IAdminTokenStore
{
    /// <summary>Returns false, changing nothing, when the id or the name (or, never in practice, the hash) is taken.</summary>
    Task<bool> TryAddAsync(AdminToken token, CancellationToken cancellationToken = default);

    /// <summary>The token whose hash is <paramref name="tokenHash"/>, revoked or not; null when none.</summary>
    Task<AdminToken?> FindByHashAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>All tokens, ordered by creation time (ties by id).</summary>
    Task<IReadOnlyList<AdminToken>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes by id or name (an id match wins over a name match, so one call revokes at most one token); returns
    /// whether it changed: false for an unknown or already revoked token, whose revocation time stays as it was.
    /// </summary>
    Task<bool> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken = default);
}
