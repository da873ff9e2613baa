namespace Airlock.Core.Services;

/// <summary>
/// SECRET MATERIAL: the concrete credential for one outbound call, i.e. header and query values with vault secrets
/// and access tokens filled in. Apply it to the upstream request and drop it; never log, store, serialize or return
/// it. <see cref="ToString"/> shows names only.
/// </summary>
/// <remarks>
/// Header values are checked: visible ASCII, space and tab only, so no CR, LF or NUL. Query values are raw text that
/// the gateway must percent-encode (<see cref="Uri.EscapeDataString(string)"/>) when adding them.
/// </remarks>
public sealed class RenderedCredential
{
    public RenderedCredential(IReadOnlyList<CredentialField> headers, IReadOnlyList<CredentialField> queryParameters)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(queryParameters);
        Headers = headers;
        QueryParameters = queryParameters;
    }

    /// <summary>Nothing to add (a service with <see cref="NoCredential"/>).</summary>
    public static RenderedCredential None { get; } = new([], []);

    /// <summary>Headers to set on the outbound request, replacing any the agent sent with the same name.</summary>
    public IReadOnlyList<CredentialField> Headers { get; }

    /// <summary>Query parameters to add to the outbound URL, replacing any the agent sent with the same name.</summary>
    public IReadOnlyList<CredentialField> QueryParameters { get; }

    /// <summary>Names only, e.g. <c>RenderedCredential { headers: [Authorization], query: [] }</c>; values are never shown.</summary>
    public override string ToString() =>
        $"RenderedCredential {{ headers: [{string.Join(", ", Headers.Select(static h => h.Name))}], query: [{string.Join(", ", QueryParameters.Select(static q => q.Name))}] }}";
}
