using Airlock.Core.Services;

namespace Airlock.Core.Tests.Services;

public sealed class CredentialBindingValidatorTests
{
    private static readonly Uri TokenUrl = new("https://auth.example.com/oauth/token");

    public static TheoryData<CredentialBinding> ValidBindings() =>
    [
        new NoCredential(),
        new HeaderCredential("Authorization", "Bearer {{secret:github_token}}"),
        new HeaderCredential("X-Api-Key", "{{secret:key}}"),
        new QueryCredential("api_key", "{{secret:maps_key}}"),
        new BasicCredential("svc-bot", "{{secret:jira_token}}"),
        new BasicCredential("{{secret:user}}", "{{secret:pw}}"),
        new OAuth2ClientCredentials(TokenUrl, "airlock", "example_client_secret", ["read", "write:all", "https://x/y"], null),
        new OAuth2ClientCredentials(new Uri("http://127.0.0.1:8080/token"), "my client", "s", [], "https://api.example.com"),
        new OAuth2ClientCredentials(new Uri("http://[::1]/token"), "airlock", "s", [], null),
        new OAuth2ClientCredentials(new Uri("http://localhost:9000/token"), "airlock", "s", [], null),
    ];

    [Theory]
    [MemberData(nameof(ValidBindings))]
    public void Validate_ValidBinding_HasNoErrors(CredentialBinding binding) => Assert.Empty(CredentialBindingValidator.Validate(binding));

    [Fact]
    public void Validate_Null_IsReportedOnCredential() => AssertOnlyField("credential", null);

    [Theory]
    [InlineData("")]
    [InlineData("X Api Key")]
    [InlineData("X-Key:")]
    [InlineData("X-Kéy")]
    [InlineData("X-Key\r\n")]
    public void Validate_HeaderNameNotAToken_IsReported(string name) =>
        AssertOnlyField("credential.header", new HeaderCredential(name, "{{secret:key}}"));

    [Theory]
    [InlineData("Connection")]
    [InlineData("content-length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Host")]
    [InlineData("TE")]
    [InlineData("Upgrade")]
    [InlineData("Keep-Alive")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Proxy-Connection")]
    [InlineData("Trailer")]
    [InlineData("Expect")]
    [InlineData("Content-Type")]
    public void Validate_HopByHopOrFramingHeader_IsReported(string name) =>
        AssertOnlyField("credential.header", new HeaderCredential(name, "{{secret:key}}"));

    [Theory]
    [InlineData("Bearer {{secret:gh")]
    [InlineData("Bearer {{secrets:gh}}")]
    [InlineData("Bearer {{secret:bad name}}")]
    [InlineData("")]
    [InlineData("Bearer literal-key-in-config")]
    public void Validate_BadHeaderTemplate_IsReported(string template) =>
        AssertOnlyField("credential.template", new HeaderCredential("Authorization", template));

    [Fact]
    public void Validate_BadTemplate_DoesNotQuoteTheTemplate()
    {
        var errors = CredentialBindingValidator.Validate(new HeaderCredential("Authorization", "Bearer pasted-key-value"));

        Assert.DoesNotContain("pasted-key-value", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("api key")]
    [InlineData("a&b")]
    [InlineData("a=b")]
    [InlineData("k\u00e9y")]
    public void Validate_QueryParameterNotUrlSafe_IsReported(string name) =>
        AssertOnlyField("credential.parameter", new QueryCredential(name, "{{secret:key}}"));

    [Fact]
    public void Validate_QueryTemplate_IsChecked() =>
        AssertOnlyField("credential.template", new QueryCredential("api_key", "{{secret:key"));

    [Theory]
    [InlineData("svc:bot")]
    [InlineData("{{secret:user")]
    public void Validate_BadUsernameTemplate_IsReported(string template) =>
        AssertOnlyField("credential.username_template", new BasicCredential(template, "{{secret:pw}}"));

    [Theory]
    [InlineData("{{secret:pw")]
    [InlineData("hunter2")]
    public void Validate_BadPasswordTemplate_IsReported(string template) =>
        AssertOnlyField("credential.password_template", new BasicCredential("bot", template));

    [Theory]
    [InlineData("http://auth.example.com/token")]
    [InlineData("http://10.1.2.3/token")]
    [InlineData("http://127.0.0.1.nip.io/token")]
    [InlineData("ftp://auth.example.com/token")]
    [InlineData("https://user:pw@auth.example.com/token")]
    [InlineData("https://auth.example.com/token#frag")]
    [InlineData("/oauth/token")]
    public void Validate_TokenUrlNotHttpsOrLoopback_IsReported(string url) =>
        AssertOnlyField("credential.token_url", OAuth(tokenUrl: new Uri(url, UriKind.RelativeOrAbsolute)));

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    public void Validate_BadClientId_IsReported(string clientId) =>
        AssertOnlyField("credential.client_id", OAuth(clientId: clientId));

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("airlock:signing_key")]
    [InlineData("_leading_underscore")]
    public void Validate_BadClientSecretName_IsReported(string name) =>
        AssertOnlyField("credential.client_secret_name", OAuth(clientSecretName: name));

    [Theory]
    [InlineData("read write")]
    [InlineData("say\"hi\"")]
    [InlineData("back\\slash")]
    [InlineData("")]
    [InlineData("caf\u00e9")]
    public void Validate_BadScope_IsReported(string scope) =>
        AssertOnlyField("credential.scopes", OAuth(scopes: ["read", scope]));

    [Fact]
    public void Validate_EmptyAudience_IsReported() => AssertOnlyField("credential.audience", OAuth(audience: ""));

    [Fact]
    public void Validate_EveryProblem_IsReportedAtOnce()
    {
        var errors = CredentialBindingValidator.Validate(
            new OAuth2ClientCredentials(new Uri("http://auth.example.com/"), "", "bad name", ["a b"], ""));

        Assert.Equal(
            ["credential.token_url", "credential.client_id", "credential.client_secret_name", "credential.scopes", "credential.audience"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void ReferencedSecrets_ListsEachTemplateReferenceAndTheClientSecretOnce()
    {
        Assert.Empty(CredentialBindingValidator.ReferencedSecrets(new NoCredential()));
        Assert.Equal(["a", "b"], CredentialBindingValidator.ReferencedSecrets(new HeaderCredential("X-Key", "{{secret:a}}:{{secret:b}}:{{secret:a}}")));
        Assert.Equal(["k"], CredentialBindingValidator.ReferencedSecrets(new QueryCredential("key", "{{secret:k}}")));
        Assert.Equal(["user", "pw"], CredentialBindingValidator.ReferencedSecrets(new BasicCredential("{{secret:user}}", "{{secret:pw}}")));
        Assert.Equal(["pw"], CredentialBindingValidator.ReferencedSecrets(new BasicCredential("bot", "{{secret:pw}}{{secret:pw}}")));
        Assert.Equal(["example_client_secret"], CredentialBindingValidator.ReferencedSecrets(OAuth()));
        Assert.Empty(CredentialBindingValidator.ReferencedSecrets(new HeaderCredential("X-Key", "{{secret:unclosed")));
    }

    private static OAuth2ClientCredentials OAuth(
        Uri? tokenUrl = null, string clientId = "airlock", string clientSecretName = "example_client_secret", string[]? scopes = null, string? audience = null) =>
        new(tokenUrl ?? TokenUrl, clientId, clientSecretName, scopes ?? ["read"], audience);

    private static void AssertOnlyField(string field, CredentialBinding? binding)
    {
        var errors = CredentialBindingValidator.Validate(binding);

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
