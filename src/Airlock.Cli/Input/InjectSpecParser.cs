using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Cli.AdminApi;
using Airlock.Core.Services;

namespace Airlock.Cli.Input;

/// <summary>
/// Reads <c>service add --inject</c> specs into the admin API's <c>credential</c> object (docs/admin-api.md, "Services"):
/// <c>none</c>, <c>header:NAME=TEMPLATE</c>, <c>query:PARAM=TEMPLATE</c>, <c>basic:username=TEMPLATE;password=TEMPLATE</c>
/// and <c>oauth2:token_url=URL;client_id=ID;client_secret=SECRET_NAME[;scope=a b][;audience=X]</c>. The result is then
/// checked with the gateway's own <see cref="CredentialBindingValidator"/>, so what it would refuse is refused here.
/// </summary>
internal static class InjectSpecParser
{
    /// <summary>Every form, for help texts and error messages.</summary>
    public const string Forms =
        "none | header:NAME=TEMPLATE | query:PARAM=TEMPLATE | basic:username=TEMPLATE;password=TEMPLATE | " +
        "oauth2:token_url=URL;client_id=ID;client_secret=SECRET_NAME[;scope=SCOPES][;audience=AUDIENCE]";

    private const string TemplateHelp = "templates are literal text with {{secret:NAME}} references, e.g. header:Authorization=Bearer {{secret:github_token}}";

    /// <summary>Parses <paramref name="spec"/> given to <paramref name="option"/>, or throws a <see cref="UsageException"/> that says what to write.</summary>
    public static JsonObject Parse(string spec, string option)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? spec : spec[..colon];
        var rest = colon < 0 ? "" : spec[(colon + 1)..];
        var credential = kind switch
        {
            "none" => colon < 0 ? new JsonObject { ["kind"] = "none" } : throw new UsageException($"{option}: `none` takes nothing after it", "write --inject none"),
            "header" => Header(rest, option),
            "query" => Query(rest, option),
            "basic" => Basic(rest, option),
            "oauth2" => OAuth2(rest, option),
            _ => throw new UsageException(
                $"{option}: `{AdminNames.Shown(spec)}` does not start with a credential kind (none, header:, query:, basic: or oauth2:)",
                $"write one of: {Forms}"),
        };
        Validate(credential, option);
        return credential;
    }

    private static JsonObject Header(string rest, string option)
    {
        var (name, template) = NameAndTemplate(rest, option, "header", "header:Authorization=Bearer {{secret:github_token}}");
        return new JsonObject { ["kind"] = "header", ["header"] = name, ["template"] = template };
    }

    private static JsonObject Query(string rest, string option)
    {
        var (name, template) = NameAndTemplate(rest, option, "query", "query:api_key={{secret:maps_key}}");
        return new JsonObject { ["kind"] = "query", ["parameter"] = name, ["template"] = template };
    }

    private static JsonObject Basic(string rest, string option)
    {
        var pairs = InjectPairs.Split(rest, option, "basic", ["username", "password"], ["username", "password"], "basic:username=svc-bot;password={{secret:jira_token}}");
        return new JsonObject { ["kind"] = "basic", ["username_template"] = pairs["username"], ["password_template"] = pairs["password"] };
    }

    private static JsonObject OAuth2(string rest, string option)
    {
        var pairs = InjectPairs.Split(
            rest,
            option,
            "oauth2",
            ["token_url", "client_id", "client_secret", "scope", "audience"],
            ["token_url", "client_id", "client_secret"],
            "oauth2:token_url=https://auth.example.com/oauth/token;client_id=airlock;client_secret=example_client_secret;scope=read write");
        var secret = pairs["client_secret"];
        if (secret.StartsWith("{{secret:", StringComparison.Ordinal) && secret.EndsWith("}}", StringComparison.Ordinal))
        {
            throw new UsageException($"{option}: client_secret takes the name of a secret, not a template", $"write client_secret={secret[9..^2]}");
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

        // The order and the explicit `"audience": null` follow the contract's own example.
        return new JsonObject
        {
            ["kind"] = "oauth2_client_credentials",
            ["token_url"] = pairs["token_url"],
            ["client_id"] = pairs["client_id"],
            ["client_secret_name"] = secret,
            ["scopes"] = scopes,
            ["audience"] = pairs.GetValueOrDefault("audience"),
        };
    }

    private static (string Name, string Template) NameAndTemplate(string rest, string option, string kind, string example)
    {
        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (rest[..equals], rest[(equals + 1)..]) : throw new UsageException(
            equals == 0 ? $"{option}: the {kind} name is empty" : $"{option}: `{kind}:{AdminNames.Shown(rest)}` has no `=` between the {kind} name and the template",
            $"write {kind}:NAME=TEMPLATE, e.g. {example}");
    }

    private static void Validate(JsonObject credential, string option)
    {
        CredentialBinding? binding;
        try
        {
            binding = credential.Deserialize<CredentialBinding>(AdminJson.Options);
        }
        catch (Exception e) when (e is JsonException or UriFormatException)
        {
            throw new UsageException($"{option}: the credential cannot be read: {e.Message}", $"write one of: {Forms}");
        }

        // The validator's messages name fields and never quote template text, which could hold a pasted credential.
        var errors = CredentialBindingValidator.Validate(binding);
        if (errors.Count > 0)
        {
            throw new UsageException(
                $"{option}: {string.Join("; ", errors.Select(e => $"{e.Field.Replace("credential.", "", StringComparison.Ordinal)} {e.Message}"))}",
                errors.Any(e => e.Field.EndsWith("template", StringComparison.Ordinal)) ? TemplateHelp : $"the forms are: {Forms}");
        }
    }
}
