using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.DataPlane.Normalization;

/// <summary>
/// Turns the method and the raw request target, exactly as the listener received them, into one
/// <see cref="NormalizedRequest"/> or a <see cref="NormalizationFailure"/>. The rules are in docs/data-plane.md:
/// anything that two parsers could read differently is refused, never guessed (PRODUCT.md R7).
/// </summary>
public static partial class RequestNormalizer
{
    /// <summary>The methods the data plane forwards, spelled exactly so (RFC 9110 §9.1: methods are case-sensitive).</summary>
    public static IReadOnlySet<string> Methods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    };

    /// <summary>
    /// Normalizes the request in <paramref name="context"/>, reading the target from
    /// <see cref="IHttpRequestFeature.RawTarget"/> rather than the already-decoded <c>Request.Path</c>.
    /// </summary>
    public static bool TryNormalize(
        HttpContext context,
        [NotNullWhen(true)] out NormalizedRequest? request,
        [NotNullWhen(false)] out NormalizationFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.GetRequiredFeature<IHttpRequestFeature>();
        return TryNormalize(feature.Method, feature.RawTarget, out request, out failure);
    }

    /// <summary>Normalizes a method and a raw request target (origin-form, e.g. <c>/github/repos/a/b?page=2</c>).</summary>
    public static bool TryNormalize(
        string method,
        string rawTarget,
        [NotNullWhen(true)] out NormalizedRequest? request,
        [NotNullWhen(false)] out NormalizationFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(rawTarget);
        request = null;
        failure = CheckMethod(method) ?? CheckTarget(rawTarget);
        if (failure is not null)
        {
            return false;
        }

        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var pathPart = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];

        var serviceEnd = pathPart.IndexOf('/', 1);
        var service = serviceEnd < 0 ? pathPart[1..] : pathPart[1..serviceEnd];
        if (!IsServiceSegment(service))
        {
            failure = new(NormalizationFailure.NoRoute,
                "the first path segment must name a registered service, written plainly (lowercase letters, digits and '-', starting with a letter), " +
                "e.g. `/github/repos/octo/hello`");
            return false;
        }

        var rest = serviceEnd < 0 ? "/" : pathPart[serviceEnd..];
        failure = CanonicalPath(rest, out var path) ?? CheckQuery(query);
        if (failure is not null)
        {
            return false;
        }

        request = new NormalizedRequest(method, service, path!, query);
        return true;
    }

    private static NormalizationFailure? CheckMethod(string method) =>
        Methods.Contains(method)
            ? null
            : new(NormalizationFailure.UnsupportedMethod, Methods.Contains(method.ToUpperInvariant())
                ? $"methods are case-sensitive; send `{method.ToUpperInvariant()}` instead of `{Shorten(method)}`"
                : $"method `{Shorten(method)}` is not forwarded; use one of {string.Join(", ", Methods)}");

    private static NormalizationFailure? CheckTarget(string rawTarget)
    {
        // Only origin-form (RFC 9112 §3.2.1): absolute-form would name a host, and the host is never the agent's to choose.
        if (rawTarget.Length < 2 || rawTarget[0] != '/' || rawTarget[1] == '/' || rawTarget[1] == '?')
        {
            return new(NormalizationFailure.InvalidTarget,
                "the request target must be a path starting with `/{service}/` (origin-form); absolute URLs, `*` and host names in the target are not accepted");
        }

        foreach (var c in rawTarget)
        {
            if (c < 0x20 || c == 0x7F)
            {
                return new(NormalizationFailure.ControlCharacter, "the request target contains a control character; remove it");
            }

            if (c > 0x7E || c == ' ')
            {
                return new(NormalizationFailure.InvalidCharacter,
                    "the request target contains a space or a non-ASCII character; percent-encode it as UTF-8 (e.g. `é` as `%C3%A9`)");
            }

            if (c == '#')
            {
                return new(NormalizationFailure.InvalidTarget, "the request target contains `#`; fragments are not sent to servers, remove it or encode it as `%23`");
            }
        }

        return null;
    }

    private static bool IsServiceSegment(string segment) =>
        segment.Length is > 0 and <= 63
        && char.IsAsciiLetterLower(segment[0])
        && segment.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
