using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>Which headers cross Airlock in each direction (docs/data-plane.md, "Headers").</summary>
internal static class ForwardedHeaders
{
    // RFC 9110 §7.6.1 and RFC 9112 §9.6: connection-specific fields, never forwarded, plus those any Connection header names.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    // The agent's own credentials; anything that claims to describe the client or steer a proxy; and headers some
    // frameworks obey instead of the request line (X-Original-URL, method overrides), which would let an agent act on
    // a path or method other than the one policy evaluated. Host is set from the service's base URL; Accept-Encoding
    // is replaced; Expect and Content-Length belong to the forwarder's framing.
    private static readonly HashSet<string> RequestRemoved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Authorization", "Cookie", "Cookie2", "X-Api-Key", "Forwarded", "X-Real-IP", "Via",
        "X-Host", "X-Original-Host", "X-Original-URL", "X-Rewrite-URL",
        "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
        "Accept-Encoding", "Expect", "Content-Length",
    };

    private static readonly string[] RequestRemovedPrefixes = ["Proxy-", "X-Forwarded-", "Airlock-", "X-Airlock-"];

    // Set-Cookie would hand the agent an upstream session credential (R1) that Airlock strips on the way back anyway;
    // Alt-Svc would let an upstream advertise another endpoint for Airlock's own origin.
    private static readonly HashSet<string> ResponseRemoved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Set-Cookie2", "Alt-Svc", "Proxy-Authenticate", "Proxy-Authentication-Info",
    };

    /// <summary>Copies the agent's headers that may go upstream onto <paramref name="message"/>.</summary>
    public static void CopyRequestHeaders(IHeaderDictionary source, HttpRequestMessage message, IEnumerable<string> credentialHeaders)
    {
        foreach (var (name, values) in Forwardable(source, credentialHeaders))
        {
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    /// <summary>
    /// The headers policy sees (<c>context.request.headers</c>): exactly those that go upstream from the agent, names
    /// in lower case, repeated values joined by <c>", "</c>.
    /// </summary>
    public static Dictionary<string, string> ForPolicy(IHeaderDictionary source, IEnumerable<string> credentialHeaders)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in Forwardable(source, credentialHeaders))
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values.ToArray());
        }

        return headers;
    }

    private static IEnumerable<KeyValuePair<string, StringValues>> Forwardable(IHeaderDictionary source, IEnumerable<string> credentialHeaders)
    {
        var named = ConnectionNamed(source["Connection"]);
        var credential = new HashSet<string>(credentialHeaders, StringComparer.OrdinalIgnoreCase);
        return source.Where(h => !(h.Key.StartsWith(':') || HopByHop.Contains(h.Key) || named.Contains(h.Key) || RequestRemoved.Contains(h.Key)
            || credential.Contains(h.Key) || RequestRemovedPrefixes.Any(p => h.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>Copies the upstream's response headers that may reach the agent.</summary>
    public static void CopyResponseHeaders(HttpResponseMessage response, IHeaderDictionary target, bool keepContentLength)
    {
        var named = response.Headers.TryGetValues("Connection", out var connection)
            ? ConnectionNamed(new StringValues(connection.ToArray()))
            : [];
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (HopByHop.Contains(name) || named.Contains(name) || ResponseRemoved.Contains(name)
                || (!keepContentLength && string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            target[name] = new StringValues(values.ToArray());
        }
    }

    /// <summary>Whether <paramref name="headers"/> say the body is encoded (gzip, br …), which a scanner could not read.</summary>
    public static bool IsEncoded(HttpContentHeaders headers) =>
        headers.ContentEncoding.Any(e => !string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> ConnectionNamed(StringValues connection)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in connection)
        {
            foreach (var token in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(token);
            }
        }

        return names;
    }
}
