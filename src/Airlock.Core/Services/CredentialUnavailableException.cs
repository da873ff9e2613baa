namespace Airlock.Core.Services;

/// <summary>
/// The credential for an outbound call could not be produced: a secret is missing or unusable, or a token endpoint
/// refused or failed. The message names the service and what failed (secret name, token URL, HTTP status, OAuth
/// error code) and never contains a secret value, an access token or an upstream response body, so it may be
/// logged; the gateway still reports it to the agent only as a generic upstream credential failure.
/// </summary>
public sealed class CredentialUnavailableException : Exception
{
    public CredentialUnavailableException(string message)
        : base(message)
    {
    }

    public CredentialUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
