using System.Text.Json.Nodes;

namespace Airlock.Cli.Input;

/// <summary>
/// Reads <c>service add --inject</c> specs into the admin API's <c>credential</c> object (docs/admin-api.md, "Services"):
/// <c>none</c>, <c>header:NAME=TEMPLATE</c>, <c>query:PARAM=TEMPLATE</c>, <c>basic:username=TEMPLATE;password=TEMPLATE</c>
/// and <c>oauth2:token_url=URL;client_id=ID;client_secret=SECRET_NAME[;scope=a b][;audience=X]</c>.
/// </summary>
internal static class InjectSpecParser
{
    /// <summary>Every form, for help texts and error messages.</summary>
    public const string Forms =
        "none | header:NAME=TEMPLATE | query:PARAM=TEMPLATE | basic:username=TEMPLATE;password=TEMPLATE | " +
        "oauth2:token_url=URL;client_id=ID;client_secret=SECRET_NAME[;scope=SCOPES][;audience=AUDIENCE]";

    /// <summary>Parses <paramref name="spec"/> given to <paramref name="option"/>, or throws a <see cref="UsageException"/> that says what to write.</summary>
    public static JsonObject Parse(string spec, string option)
    {
        if (spec == "none")
        {
            return new JsonObject { ["kind"] = "none" };
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? spec : spec[..colon];
        var rest = colon < 0 ? "" : spec[(colon + 1)..];
        return kind switch
        {
            "header" => Header(rest, option),
            "query" => Query(rest, option),
            "basic" => Basic(rest, option),
            "oauth2" => OAuth2(rest, option),
            _ => throw new UsageException(
                $"{option}: `{AdminNames.Shown(spec)}` does not start with a credential kind (none, header:, query:, basic: or oauth2:)",
                $"write one of: {Forms}"),
        };
    }

    private static JsonObject Header(string rest, string option)
    {
        var (name, template) = NameAndTemplate(rest, option, "header", "header:Authorization=Bearer {{secret:github_token}}");
        if (!name.All(IsTokenChar))
        {
            throw new UsageException(
                $"{option}: `{AdminNames.Shown(name)}` is not an HTTP header name",
                "use letters, digits and `-`, e.g. Authorization or X-Api-Key");
        }

        return new JsonObject { ["kind"] = "header", ["header"] = name, ["template"] = TemplateChecker.Check(template, $"{option} (header {name})") };
    }

    private static JsonObject Query(string rest, string option)
    {
        var (name, template) = NameAndTemplate(rest, option, "query", "query:api_key={{secret:maps_key}}");
        if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '&' or '=' or '#' or '?' or '%' or '+'))
        {
            throw new UsageException(
                $"{option}: `{AdminNames.Shown(name)}` is not a query parameter name",
                "use letters, digits, `_`, `.` or `-`, e.g. api_key");
        }

        return new JsonObject { ["kind"] = "query", ["parameter"] = name, ["template"] = TemplateChecker.Check(template, $"{option} (query {name})") };
    }

    private static JsonObject Basic(string rest, string option)
    {
        const string Example = "basic:username=svc-bot;password={{secret:jira_token}}";
        var pairs = InjectPairs.Split(rest, option, "basic", ["username", "password"], ["username", "password"], Example);
        return new JsonObject
        {
            ["kind"] = "basic",
            ["username_template"] = TemplateChecker.Check(pairs["username"], $"{option} (username)"),
            ["password_template"] = TemplateChecker.Check(pairs["password"], $"{option} (password)"),
        };
    }

    private static JsonObject OAuth2(string rest, string option)
    {
        const string Example = "oauth2:token_url=https://auth.example.com/oauth/token;client_id=airlock;client_secret=example_client_secret;scope=read write";
        var pairs = InjectPairs.Split(
            rest, option, "oauth2", ["token_url", "client_id", "client_secret", "scope", "audience"], ["token_url", "client_id", "client_secret"], Example);
        var tokenUrl = AdminInput.HttpUrl(pairs["token_url"], $"{option} (token_url)", "e.g. https://auth.example.com/oauth/token");
        var clientId = pairs["client_id"];
        if (clientId.Length == 0 || clientId.Any(char.IsControl))
        {
            throw new UsageException($"{option}: client_id is empty", $"e.g. {Example}");
        }

        var secret = pairs["client_secret"];
        if (secret.StartsWith("{{secret:", StringComparison.Ordinal) && secret.EndsWith("}}", StringComparison.Ordinal))
        {
            throw new UsageException(
                $"{option}: client_secret takes the name of a secret, not a template",
                $"write client_secret={secret[9..^2]}");
        }

        var scopes = new JsonArray();
        if (pairs.TryGetValue("scope", out var scope))
        {
            var parts = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                throw new UsageException($"{option}: scope is empty", "list scopes separated by spaces (scope=read write), or leave scope out");
            }

            foreach (var part in parts)
            {
                scopes.Add(part);
            }
        }

        string? audience = null;
        if (pairs.TryGetValue("audience", out var given))
        {
            audience = given.Length > 0 ? given : throw new UsageException($"{option}: audience is empty", "give a value or leave audience out");
        }

        // The order and the explicit `"audience": null` follow the contract's own example.
        return new JsonObject
        {
            ["kind"] = "oauth2_client_credentials",
            ["token_url"] = tokenUrl.OriginalString,
            ["client_id"] = clientId,
            ["client_secret_name"] = AdminNames.Secret(secret, $"{option} (client_secret)"),
            ["scopes"] = scopes,
            ["audience"] = audience,
        };
    }

    private static (string Name, string Template) NameAndTemplate(string rest, string option, string kind, string example)
    {
        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException(
                equals == 0 ? $"{option}: the {kind} name is empty" : $"{option}: `{kind}:{AdminNames.Shown(rest)}` has no `=` between the {kind} name and the template",
                $"write {kind}:NAME=TEMPLATE, e.g. {example}");
        }

        return (rest[..equals], rest[(equals + 1)..]);
    }

    // RFC 9110 §5.6.2: token = 1*tchar.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
