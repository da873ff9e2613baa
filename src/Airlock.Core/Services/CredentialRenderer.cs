using System.Runtime.CompilerServices;
using System.Text;

namespace Airlock.Core.Services;

/// <summary>
/// Turns a service's <see cref="CredentialBinding"/> into the headers and query parameters of one outbound call,
/// reading secrets through <see cref="ISecretResolver"/> at call time (so rotations apply at once) and access tokens
/// through <see cref="OAuth2TokenSource"/>. Bindings are validated and their templates parsed once per binding
/// instance. Thread-safe.
/// </summary>
public sealed class CredentialRenderer
{
    private readonly ISecretResolver _secrets;
    private readonly OAuth2TokenSource _tokens;
    private readonly ConditionalWeakTable<CredentialBinding, Compiled> _compiled = [];

    public CredentialRenderer(ISecretResolver secrets, OAuth2TokenSource tokens)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(tokens);
        _secrets = secrets;
        _tokens = tokens;
    }

    /// <summary>
    /// The credential for a call to <paramref name="service"/>. Throws <see cref="CredentialUnavailableException"/>
    /// when a secret is missing or unusable (naming the secret, never its value) or no access token can be obtained.
    /// </summary>
    public async ValueTask<RenderedCredential> RenderAsync(ServiceDefinition service, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(service);
        var binding = service.Credential;
        if (binding is NoCredential)
        {
            return RenderedCredential.None;
        }

        var compiled = binding is null ? Compiled.Invalid : _compiled.GetValue(binding, Compiled.Of);
        if (compiled.Error is { } error)
        {
            throw new CredentialUnavailableException($"service `{service.Name}`: the credential binding is invalid ({error.Field} {error.Message})");
        }

        switch (binding)
        {
            case HeaderCredential header:
                {
                    var value = await RenderAsync(service.Name, compiled.Templates[0], ct).ConfigureAwait(false);
                    CheckHeaderValue(service.Name, header.Header, compiled.Templates[0], value);
                    return new RenderedCredential([new(header.Header, value.Text)], []);
                }

            case QueryCredential query:
                {
                    var value = await RenderAsync(service.Name, compiled.Templates[0], ct).ConfigureAwait(false);
                    return new RenderedCredential([], [new(query.Parameter, value.Text)]);
                }

            case BasicCredential:
                return new RenderedCredential([await RenderBasicAsync(service.Name, compiled, ct).ConfigureAwait(false)], []);

            case OAuth2ClientCredentials oauth:
                {
                    var token = await _tokens.GetAccessTokenAsync(service.Name, oauth, ct).ConfigureAwait(false);
                    return new RenderedCredential([new("Authorization", "Bearer " + token)], []);
                }

            default:
                throw new CredentialUnavailableException($"service `{service.Name}`: unknown credential kind {binding!.GetType().Name}");
        }
    }

    private async ValueTask<CredentialField> RenderBasicAsync(string serviceName, Compiled compiled, CancellationToken ct)
    {
        var user = await RenderAsync(serviceName, compiled.Templates[0], ct).ConfigureAwait(false);
        var password = await RenderAsync(serviceName, compiled.Templates[1], ct).ConfigureAwait(false);

        // RFC 7617 §2: the user-id cannot contain ':' and neither part may contain control characters.
        foreach (var (name, value) in user.Secrets)
        {
            if (value.Contains(':', StringComparison.Ordinal))
            {
                throw new CredentialUnavailableException(
                    $"service `{serviceName}`: secret `{name}` is used in the basic authentication user-id but contains ':', which RFC 7617 does not allow there");
            }
        }

        foreach (var (name, value) in user.Secrets.Concat(password.Secrets))
        {
            if (value.Any(char.IsControl))
            {
                throw new CredentialUnavailableException(
                    $"service `{serviceName}`: secret `{name}` contains a control character (such as CR, LF or NUL), which basic authentication cannot carry");
            }
        }

        // RFC 7617 §2.1: with charset="UTF-8", which is what every current server expects.
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Text + ":" + password.Text));
        return new CredentialField("Authorization", "Basic " + encoded);
    }

    private static void CheckHeaderValue(string serviceName, string header, SecretTemplate template, Rendered value)
    {
        // Template literals cannot hold control characters (SecretTemplate refuses them), so a bad character came from
        // a secret: name the secret, never show the value.
        foreach (var (name, secret) in value.Secrets)
        {
            if (!secret.All(HttpSyntax.IsFieldValueChar))
            {
                throw new CredentialUnavailableException(
                    $"service `{serviceName}`: secret `{name}` contains a character that cannot be sent in header `{header}` " +
                    "(a control character such as CR, LF or NUL, or a non-ASCII character)");
            }
        }

        if (!value.Text.All(HttpSyntax.IsFieldValueChar))
        {
            throw new CredentialUnavailableException(
                $"service `{serviceName}`: the value rendered for header `{header}` from {template.SecretNames.Count} secret(s) has a character that cannot be sent in a header");
        }
    }

    private async ValueTask<Rendered> RenderAsync(string serviceName, SecretTemplate template, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(template.SecretNames.Count, StringComparer.Ordinal);
        foreach (var name in template.SecretNames)
        {
            values[name] = await ResolveAsync(serviceName, name, ct).ConfigureAwait(false);
        }

        return new Rendered(template.Render(name => values[name]), values);
    }

    private async ValueTask<string> ResolveAsync(string serviceName, string secretName, CancellationToken ct)
    {
        try
        {
            return await _secrets.GetSecretAsync(secretName, ct).ConfigureAwait(false);
        }
        catch (CredentialUnavailableException ex)
        {
            throw new CredentialUnavailableException($"service `{serviceName}`: secret `{secretName}` is unavailable ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The vault's own message is not quoted; the inner exception is kept for the operator's log.
            throw new CredentialUnavailableException($"service `{serviceName}`: secret `{secretName}` could not be read", ex);
        }
    }

    /// <summary>A rendered template: the text and the secret values that went into it, by name.</summary>
    private readonly record struct Rendered(string Text, IReadOnlyDictionary<string, string> Secrets)
    {
        public override string ToString() => "(rendered secret template)";
    }

    /// <summary>A binding checked and parsed once: its first validation error, or its templates in field order.</summary>
    private sealed class Compiled
    {
        public static readonly Compiled Invalid = new(new FieldError("credential", "is required"), []);

        private Compiled(FieldError? error, IReadOnlyList<SecretTemplate> templates)
        {
            Error = error;
            Templates = templates;
        }

        public FieldError? Error { get; }

        public IReadOnlyList<SecretTemplate> Templates { get; }

        public static Compiled Of(CredentialBinding binding)
        {
            var errors = CredentialBindingValidator.Validate(binding);
            if (errors.Count > 0)
            {
                return new Compiled(errors[0], []);
            }

            string[] texts = binding switch
            {
                HeaderCredential header => [header.Template],
                QueryCredential query => [query.Template],
                BasicCredential basic => [basic.UsernameTemplate, basic.PasswordTemplate],
                _ => [],
            };
            return new Compiled(null, texts.Select(static t => SecretTemplate.TryParse(t, out var parsed, out _) ? parsed! : throw new InvalidOperationException("validated template did not parse")).ToArray());
        }
    }
}
