namespace Airlock.Core.Services;

/// <summary>
/// Reads the current value of a vault secret for credential injection. Implementations throw
/// <see cref="CredentialUnavailableException"/> when the secret is missing or cannot be read, with a message that
/// names the secret but never contains a value.
/// </summary>
public interface ISecretResolver
{
    /// <summary>The current value of the secret <paramref name="name"/>, as a UTF-8 string.</summary>
    ValueTask<string> GetSecretAsync(string name, CancellationToken ct);
}
