using Airlock.Core.AdminTokens;

namespace Airlock.Core.Storage;

public interface IAdminTokenStore
{
    /// <summary>Returns false, changing nothing, when the id or the name is taken.</summary>
    Task<bool> TryAddAsync(AdminToken token, CancellationToken cancellationToken = default);

    /// <summary>The token whose hash is <paramref name="tokenHash"/>, revoked or not; null when none.</summary>
    Task<AdminToken?> FindByHashAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>All tokens, ordered by creation time.</summary>
    Task<IReadOnlyList<AdminToken>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes by id or name; returns whether it changed.</summary>
    Task<bool> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken = default);
}
