namespace Airlock.Cli.Input;

/// <summary>Checks the free-form inputs of the admin commands (URLs, intents, scopes, templates) the way the gateway will.</summary>
internal static class AdminInput
{
    /// <summary>The longest intent the gateway accepts, in characters.</summary>
    public const int MaxIntentLength = 4096;

    /// <summary>Checks a service base URL: absolute <c>http</c> or <c>https</c>, no query, fragment or user info.</summary>
    public static Uri ServiceUrl(string text, string where)
    {
        var uri = HttpUrl(text, where, "e.g. https://api.github.com or https://api.example.com/v2");
        var problem = uri.UserInfo.Length > 0 ? "it has user info (`user@`); put credentials in --inject, never in the URL"
            : uri.Query.Length > 0 ? "it has a query (`?…`); a service URL is a prefix, so drop the query"
            : uri.Fragment.Length > 0 || text.Contains('#', StringComparison.Ordinal) ? "it has a fragment (`#…`); drop it"
            : null;
        return problem is null ? uri : throw new UsageException($"{where}: `{AdminNames.Shown(text)}` cannot be a service URL: {problem}");
    }

    /// <summary>Checks an absolute <c>http</c> or <c>https</c> URL.</summary>
    public static Uri HttpUrl(string text, string where, string example)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || text.Any(char.IsWhiteSpace))
        {
            throw new UsageException(
                $"{where}: `{AdminNames.Shown(text)}` is not an absolute http or https URL",
                $"write the scheme and host, {example}");
        }

        return uri;
    }

    /// <summary>Checks a session intent: 1–4096 characters.</summary>
    public static string Intent(string text, string where)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{where}: the intent is empty", "say what the agent is about to do, e.g. --intent 'triage new issues in acme/api'");
        }

        return text.Length <= MaxIntentLength
            ? text
            : throw new UsageException($"{where}: the intent is {text.Length} characters long; the limit is {MaxIntentLength}");
    }

    /// <summary>Checks a session scope entry: a service name, or <c>service/operation</c>.</summary>
    public static string Scope(string text, string where)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        AdminNames.Service(slash < 0 ? text : text[..slash], where);
        if (slash >= 0 && (slash == text.Length - 1 || text[(slash + 1)..].Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/')))
        {
            throw new UsageException(
                $"{where}: `{AdminNames.Shown(text)}` is not a scope",
                "write a service name (github) or a service and one operation (github/issues.list)");
        }

        return text;
    }
}
