using System.Text;
using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Normalization;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// The upstream URL of a normalized request: the service's scheme, host and port, its base path, the canonical
/// path byte for byte, then the query. Built so that .NET does not re-canonicalize it (no unescaping, no dot
/// resolution), so the request line on the wire is exactly what policy evaluated.
/// </summary>
public static class UpstreamTarget
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>The absolute upstream URL, with the credential's query parameters (if any) added.</summary>
    public static Uri Build(Uri baseUrl, NormalizedRequest request, RenderedCredential credential)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.GetLeftPart(UriPartial.Authority) + PathAndQuery(baseUrl, request, credential);
        return Uri.TryCreate(text, Verbatim, out var uri)
            ? uri
            : throw new InvalidOperationException($"the upstream URL for service `{request.Service}` could not be built");
    }

    /// <summary>
    /// The request target sent upstream: base path + <see cref="NormalizedRequest.Path"/> + query. Agent query
    /// parameters named like a credential parameter (compared decoded and case-insensitively) are dropped so the
    /// credential cannot be shadowed; credential values are percent-encoded.
    /// </summary>
    public static string PathAndQuery(Uri baseUrl, NormalizedRequest request, RenderedCredential credential)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credential);

        // The registry stores base URLs without a trailing slash; "/" means no prefix.
        var builder = new StringBuilder(baseUrl.AbsolutePath.TrimEnd('/')).Append(request.Path);
        var first = true;
        if (request.Query.Length > 0)
        {
            foreach (var parameter in request.Query.Split('&'))
            {
                if (credential.QueryParameters.Count > 0 && NamesCredential(parameter, credential))
                {
                    continue;
                }

                builder.Append(first ? '?' : '&').Append(parameter);
                first = false;
            }
        }

        foreach (var field in credential.QueryParameters)
        {
            builder.Append(first ? '?' : '&').Append(Uri.EscapeDataString(field.Name)).Append('=').Append(Uri.EscapeDataString(field.Value));
            first = false;
        }

        return builder.ToString();
    }

    private static bool NamesCredential(string parameter, RenderedCredential credential)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString((equals < 0 ? parameter : parameter[..equals]).Replace('+', ' '));
        return credential.QueryParameters.Any(field => string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
