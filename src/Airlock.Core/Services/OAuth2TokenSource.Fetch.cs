using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Airlock.Core.Services;

public sealed partial class OAuth2TokenSource
{
    // RFC 6749 §5.2 and the IANA "OAuth Extensions Error" registry. Only these are quoted in messages: the error
    // field is free text from the token endpoint, which may echo what it was sent.
    private static readonly HashSet<string> KnownErrorCodes = new(StringComparer.Ordinal)
    {
        "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
        "invalid_scope", "invalid_target", "access_denied", "server_error", "temporarily_unavailable",
        "invalid_token", "insufficient_scope", "use_dpop_nonce", "invalid_dpop_proof",
    };

    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private async Task<FetchOutcome> FetchAsync(string serviceName, OAuth2ClientCredentials binding, CancellationToken timeout)
    {
        var endpoint = HttpSyntax.ForDisplay(binding.TokenUrl);
        string Failure(string what) => $"service `{serviceName}`: token endpoint {endpoint} {what}";

        // Bindings from the admin API were validated when registered; this catches any that were not.
        var errors = CredentialBindingValidator.Validate(binding);
        if (errors.Count > 0)
        {
            return new FetchOutcome(null, Failure($"was not tried: the binding is invalid ({errors[0].Field} {errors[0].Message})"));
        }

        string clientSecret;
        try
        {
            clientSecret = await _secrets.GetSecretAsync(binding.ClientSecretName, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new FetchOutcome(null, Failure($"was not tried: reading client secret `{binding.ClientSecretName}` took longer than {_options.FetchTimeout.TotalSeconds:0.#} s"));
        }
        catch (CredentialUnavailableException ex)
        {
            return new FetchOutcome(null, Failure($"was not tried: client secret `{binding.ClientSecretName}` is unavailable ({ex.Message})"));
        }
#pragma warning disable CA1031 // Any vault failure becomes a credential failure; its message is not quoted in case it holds data.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new FetchOutcome(null, Failure($"was not tried: client secret `{binding.ClientSecretName}` could not be read"));
        }

        var issuedAt = _time.GetUtcNow();
        try
        {
            using var request = BuildRequest(binding, clientSecret);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
            var body = await ReadBodyAsync(response.Content, _options.MaxResponseBytes, timeout).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.RequestMessage?.RequestUri is { } finalUrl && finalUrl != binding.TokenUrl)
            {
                // Defence in depth: the handler followed a redirect although it must not (see the class remarks).
                return new FetchOutcome(null, Failure("redirected the request and the HTTP client followed; Airlock needs a client with AllowAutoRedirect = false"));
            }

            if (status is >= 300 and < 400)
            {
                return new FetchOutcome(null, Failure($"answered HTTP {status}, a redirect, which Airlock does not follow; register the final token URL"));
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new FetchOutcome(null, Failure($"answered HTTP {status}{DescribeOAuthError(body)}"));
            }

            if (body is null)
            {
                return new FetchOutcome(null, Failure($"answered HTTP 200 with a response longer than {_options.MaxResponseBytes} bytes"));
            }

            if (!ParseToken(body, issuedAt, out var token, out var problem))
            {
                return new FetchOutcome(null, Failure($"answered HTTP 200 but {problem}"));
            }

            if (_options.OnTokenIssued is { } issued)
            {
                await issued(serviceName, token!.Value, timeout).ConfigureAwait(false);
            }

            return new FetchOutcome(token, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new FetchOutcome(null, Failure($"did not answer within {_options.FetchTimeout.TotalSeconds:0.#} s"));
        }
        catch (OperationCanceledException)
        {
            // Not our timeout: HttpClient.Timeout, or the client was disposed.
            return new FetchOutcome(null, Failure("did not answer (the request was cancelled by the HTTP client)"));
        }
        catch (HttpRequestException ex)
        {
            // HttpRequestError names the transport failure (connection, TLS, name resolution) without any content.
            return new FetchOutcome(null, Failure($"could not be reached ({ex.HttpRequestError})"));
        }
#pragma warning disable CA1031 // A shared fetch must end in an outcome, never an exception nobody awaits.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FetchOutcome(null, Failure($"failed ({ex.GetType().Name})"));
        }
    }

    private static HttpRequestMessage BuildRequest(OAuth2ClientCredentials binding, string clientSecret)
    {
        // RFC 6749 §4.4.2: the grant in a form body; §2.3.1: client_id and client_secret are form-urlencoded and then
        // joined by ':' as the HTTP Basic user and password.
        var body = new StringBuilder("grant_type=client_credentials");
        if (binding.Scopes is { Count: > 0 } scopes)
        {
            body.Append("&scope=").Append(HttpSyntax.FormUrlEncode(string.Join(' ', scopes)));
        }

        if (!string.IsNullOrEmpty(binding.Audience))
        {
            body.Append("&audience=").Append(HttpSyntax.FormUrlEncode(binding.Audience));
        }

        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body.ToString()));
        content.Headers.ContentType = FormContentType;
        var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes(
            HttpSyntax.FormUrlEncode(binding.ClientId) + ":" + HttpSyntax.FormUrlEncode(clientSecret)));
        var request = new HttpRequestMessage(HttpMethod.Post, binding.TokenUrl) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        request.Headers.Accept.Add(AcceptJson);
        return request;
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, int limit, CancellationToken ct)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>" with OAuth error `code`" for a registered RFC 6749 §5.2 error code, else nothing: the body itself is never quoted.</summary>
    private static string DescribeOAuthError(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                var code = error.GetString()!;
                return KnownErrorCodes.Contains(code) ? $" with OAuth error `{code}`" : " with an unregistered OAuth error code";
            }
        }
        catch (JsonException)
        {
            // Not JSON; the status code says enough.
        }

        return "";
    }

    private bool ParseToken(byte[] body, DateTimeOffset issuedAt, out CachedToken? token, out string? problem)
    {
        token = null;
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // The exception's message quotes the offending character; the body may hold secrets, so it is dropped.
            problem = "the response is not JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the response is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String || accessToken.GetString()!.Length == 0)
            {
                problem = "the response has no access_token";
                return false;
            }

            var value = accessToken.GetString()!;
            if (!value.All(static c => c is > ' ' and <= '~'))
            {
                // RFC 6750 §2.1 b64token is a subset of this; anything else could not be sent in a header.
                problem = "the access_token has characters a bearer token cannot have";
                return false;
            }

            if (!root.TryGetProperty("token_type", out var tokenType) || tokenType.ValueKind != JsonValueKind.String
                || !string.Equals(tokenType.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 6749 §7.1: token types other than Bearer (e.g. DPoP, MAC) need proof Airlock cannot give.
                problem = "the token_type is not Bearer";
                return false;
            }

            if (!TryReadLifetime(root, out var lifetime))
            {
                problem = "expires_in is not a non-negative number of seconds";
                return false;
            }

            token = NewToken(value, issuedAt, lifetime);
            return true;
        }
    }

    private bool TryReadLifetime(JsonElement root, out TimeSpan lifetime)
    {
        lifetime = _options.DefaultLifetime;
        if (!root.TryGetProperty("expires_in", out var expiresIn) || expiresIn.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        double seconds;
        if (expiresIn.ValueKind == JsonValueKind.Number)
        {
            seconds = expiresIn.GetDouble();
        }
        else if (expiresIn.ValueKind != JsonValueKind.String
            || !double.TryParse(expiresIn.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
        {
            // Some providers send the number as a string; anything else is malformed.
            return false;
        }

        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return false;
        }

        // Absurd lifetimes (years, or overflowing) are capped so that a revoked grant is noticed eventually.
        lifetime = seconds >= _options.MaxLifetime.TotalSeconds ? _options.MaxLifetime : TimeSpan.FromSeconds(Math.Floor(seconds));
        return true;
    }
}
