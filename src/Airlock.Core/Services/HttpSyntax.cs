using System.Net;
using System.Text;

namespace Airlock.Core.Services;

/// <summary>The few HTTP and OAuth grammar rules that credential bindings and token requests must follow.</summary>
internal static class HttpSyntax
{
    /// <summary>RFC 9110 §5.6.2: <c>token = 1*tchar</c>.</summary>
    public static bool IsToken(string? text) => !string.IsNullOrEmpty(text) && text.All(IsTokenChar);

    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    /// <summary>
    /// Whether <paramref name="c"/> may appear in a header value that we send: RFC 9110 §5.5 allows VCHAR, SP and HTAB
    /// (obs-text is obsolete and HttpClient refuses non-ASCII by default). Above all, no CR, LF or NUL, which would
    /// split or truncate the header.
    /// </summary>
    public static bool IsFieldValueChar(char c) => c is '\t' or (>= ' ' and <= '~');

    /// <summary>RFC 6749 §3.3: <c>scope-token = 1*( %x21 / %x23-5B / %x5D-7E )</c> (no space, quote or backslash).</summary>
    public static bool IsScopeToken(string? scope) =>
        !string.IsNullOrEmpty(scope) && scope.All(static c => c is '!' or (>= '#' and <= '[') or (>= ']' and <= '~'));

    /// <summary>
    /// Token endpoints must be https, so the client secret and the token are never sent in clear text; http is
    /// allowed only to a loopback address (a token endpoint on the same machine, e.g. in tests). On failure
    /// <paramref name="error"/> completes the sentence "the token URL …".
    /// </summary>
    public static bool IsAcceptableTokenUrl(Uri? url, out string? error)
    {
        error = null;
        if (url is null)
        {
            error = "is required";
        }
        else if (!url.IsAbsoluteUri)
        {
            error = "must be an absolute https URL";
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(url)))
        {
            error = url.Scheme == Uri.UriSchemeHttp
                ? "must use https; http is allowed only to a loopback address (127.0.0.1, ::1, localhost)"
                : "must be an absolute https URL";
        }
        else if (url.UserInfo.Length > 0)
        {
            error = "must not contain user info; the client authenticates with client_id and client_secret_name";
        }
        else if (url.Fragment.Length > 0)
        {
            error = "must not contain a fragment";
        }

        return error is null;
    }

    /// <summary>The token URL without its query, for messages (RFC 6749 §3.2 allows a query, which could hold anything).</summary>
    public static string ForDisplay(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString;

    private static bool IsLoopbackHost(Uri url) =>
        url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)
            : string.Equals(url.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// application/x-www-form-urlencoded serialization of one name or value (WHATWG URL §5.2, the encoding RFC 6749
    /// Appendix B refers to): UTF-8, then ASCII alphanumerics and <c>*-._</c> unchanged, space as <c>+</c>, every
    /// other byte as <c>%XX</c>.
    /// </summary>
    public static string FormUrlEncode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
