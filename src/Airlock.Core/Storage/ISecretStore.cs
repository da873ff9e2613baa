using Airlock.Core.Secrets;

namespace Airlock.Core.Storage;

/// <summary>Sealed secret versions. The store never sees a plaintext value.</summary>
public interface ISecretStore
{
    /// <summary>The highest live version of <paramref name="name"/>, or null when no such secret exists.</summary>
    Task<int?> GetCurrentVersionAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts one version. Returns false, changing nothing, when that name and version already exist (a
    /// concurrent writer got there first; the vault re-reads and retries).
    /// </summary>
    Task<bool> TryInsertVersionAsync(SealedSecretVersion version, CancellationToken cancellationToken = default);

    /// <summary>One version, or the current one when <paramref name="version"/> is null; null when absent.</summary>
    Task<SealedSecretVersion?> GetVersionAsync(string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>The current version of every secret, ordered by name, for the leak scanner, which must know every held value.</summary>
    Task<IReadOnlyList<SealedSecretVersion>> GetAllCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Summaries of all secrets, ordered by name. Names starting with <c>airlock:</c> are internal and included.
    /// A summary's <c>CreatedAt</c> is that of the lowest stored version, its <c>UpdatedAt</c> that of the highest.
    /// </summary>
    Task<IReadOnlyList<SecretSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Destroys every version of the secret: the rows are deleted so that no wrapped key or ciphertext
    /// remains readable in the database or its journal. Returns false when the secret did not exist.
    /// </summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
