namespace Airlock.Core.Services;

/// <summary>
/// Checks a <see cref="CredentialBinding"/> before a service is registered and reports every problem at once, each
/// under its admin API field name (docs/admin-api.md, "Services"). Messages quote names but never template text,
/// which could hold a credential pasted by mistake.
/// </summary>
public static class CredentialBindingValidator
{
    private const int MaxNameLength = 256;

    // RFC 9110 §7.6.1 connection-specific fields and the fields that frame or route the message: a credential placed
    // there would change how the request is delivered rather than authenticate it.
    private static readonly HashSet<string> ForbiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Host", "Expect",
        "Content-Length", "Proxy-Connection",
    };

    /// <summary>Every problem with <paramref name="binding"/>; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(CredentialBinding? binding)
    {
        var errors = new List<FieldError>();
        switch (binding)
        {
            case null:
                errors.Add(new("credential", "is required; use {\"kind\": \"none\"} for an upstream that needs no credential"));
                break;
            case NoCredential:
                break;
            case HeaderCredential header:
                CheckHeaderName(header.Header, errors);
                CheckTemplate("credential.template", header.Template, mustReferenceSecret: true, errors);
                break;
            case QueryCredential query:
                CheckParameterName(query.Parameter, errors);
                CheckTemplate("credential.template", query.Template, mustReferenceSecret: true, errors);
                break;
            case BasicCredential basic:
                if (CheckTemplate("credential.username_template", basic.UsernameTemplate, mustReferenceSecret: false, errors) is { } user
                    && user.LiteralText.Contains(':', StringComparison.Ordinal))
                {
                    errors.Add(new("credential.username_template", "contains ':', which cannot appear in a basic authentication user-id (RFC 7617 §2)"));
                }

                CheckTemplate("credential.password_template", basic.PasswordTemplate, mustReferenceSecret: true, errors);
                break;
            case OAuth2ClientCredentials oauth:
                CheckOAuth2(oauth, errors);
                break;
            default:
                errors.Add(new("credential.kind", "is not one of none, header, query, basic, oauth2_client_credentials"));
                break;
        }

        return errors;
    }

    /// <summary>
    /// The distinct vault secrets <paramref name="binding"/> uses, in order of first use: every template reference and
    /// the OAuth client secret. The gateway checks that each exists before registering the service. Templates that do
    /// not parse contribute nothing (<see cref="Validate"/> reports them).
    /// </summary>
    public static IReadOnlyList<string> ReferencedSecrets(CredentialBinding? binding)
    {
        IEnumerable<string?> names = binding switch
        {
            HeaderCredential header => SecretsOf(header.Template),
            QueryCredential query => SecretsOf(query.Template),
            BasicCredential basic => SecretsOf(basic.UsernameTemplate).Concat(SecretsOf(basic.PasswordTemplate)),
            OAuth2ClientCredentials oauth => [oauth.ClientSecretName],
            _ => [],
        };
        return names.OfType<string>().Where(static n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> SecretsOf(string? template) =>
        template is not null && SecretTemplate.TryParse(template, out var parsed, out _) ? parsed!.SecretNames : [];

    private static void CheckHeaderName(string? name, List<FieldError> errors)
    {
        const string Field = "credential.header";
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new(Field, "is required, e.g. \"Authorization\""));
        }
        else if (name.Length > MaxNameLength || !HttpSyntax.IsToken(name))
        {
            errors.Add(new(Field, $"is not a valid header name; use letters, digits and !#$%&'*+-.^_`|~ only (RFC 9110 §5.1), at most {MaxNameLength} characters"));
        }
        else if (ForbiddenHeaders.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(Field, $"`{name}` controls how the request is delivered (connection, framing or proxy header) and cannot carry a credential"));
        }
        else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(Field, $"`{name}` describes the request body and cannot carry a credential"));
        }
    }

    private static void CheckParameterName(string? name, List<FieldError> errors)
    {
        const string Field = "credential.parameter";
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new(Field, "is required, e.g. \"api_key\""));
        }
        else if (name.Length > MaxNameLength || !name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            // RFC 3986 §2.3 unreserved characters need no escaping, so the name reaches the upstream as written.
            errors.Add(new(Field, $"must be 1–{MaxNameLength} characters of A-Z a-z 0-9 - . _ ~ (URL-safe without escaping)"));
        }
    }

    /// <summary>Checks one template; returns it parsed, or null after adding an error.</summary>
    private static ParsedTemplate? CheckTemplate(string field, string? text, bool mustReferenceSecret, List<FieldError> errors)
    {
        if (text is null)
        {
            errors.Add(new(field, "is required"));
            return null;
        }

        if (!SecretTemplate.TryParse(text, out var template, out var error))
        {
            errors.Add(new(field, error!));
            return null;
        }

        if (mustReferenceSecret && template!.SecretNames.Count == 0)
        {
            // A credential written as literal text would sit unencrypted in the service store (PRODUCT.md R1).
            errors.Add(new(field, "references no secret; store the credential in the vault and write {{secret:NAME}} here"));
        }

        var literal = template!.Text;
        foreach (var name in template.SecretNames)
        {
            literal = literal.Replace("{{secret:" + name + "}}", "", StringComparison.Ordinal);
        }

        return new ParsedTemplate(template, literal);
    }

    private static void CheckOAuth2(OAuth2ClientCredentials oauth, List<FieldError> errors)
    {
        if (!HttpSyntax.IsAcceptableTokenUrl(oauth.TokenUrl, out var urlError))
        {
            errors.Add(new("credential.token_url", urlError!));
        }

        if (string.IsNullOrEmpty(oauth.ClientId))
        {
            errors.Add(new("credential.client_id", "is required"));
        }
        else if (oauth.ClientId.Length > MaxNameLength || !oauth.ClientId.All(HttpSyntax.IsFieldValueChar) || oauth.ClientId.Contains('\t', StringComparison.Ordinal))
        {
            // RFC 6749 Appendix A.1: client_id = *VSCHAR (printable ASCII and space).
            errors.Add(new("credential.client_id", $"must be 1–{MaxNameLength} printable ASCII characters (RFC 6749 Appendix A.1)"));
        }

        if (!Names.IsValidSecretName(oauth.ClientSecretName))
        {
            errors.Add(new("credential.client_secret_name", $"must name a vault secret: {Names.SecretNameRule}"));
        }

        if (oauth.Scopes is null)
        {
            errors.Add(new("credential.scopes", "is required; use [] to request the default scope"));
        }
        else
        {
            for (var i = 0; i < oauth.Scopes.Count; i++)
            {
                if (!HttpSyntax.IsScopeToken(oauth.Scopes[i]))
                {
                    errors.Add(new("credential.scopes", $"entry {i} is not a scope token: it must be non-empty printable ASCII without space, '\"' or '\\' (RFC 6749 §3.3)"));
                }
            }
        }

        if (oauth.Audience is not null && (oauth.Audience.Length == 0 || !oauth.Audience.All(static c => c is >= ' ' and <= '~')))
        {
            errors.Add(new("credential.audience", "must be null or non-empty printable ASCII"));
        }
    }

    private sealed record ParsedTemplate(SecretTemplate Template, string LiteralText);
}
