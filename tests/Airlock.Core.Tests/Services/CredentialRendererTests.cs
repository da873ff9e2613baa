using Airlock.Core.Services;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Services;

public sealed class CredentialRendererTests : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly FakeSecretResolver _secrets = new();
    private readonly TestData _some = new();
    private readonly CredentialRenderer _renderer;

    public CredentialRendererTests() => _renderer = new CredentialRenderer(_secrets, new OAuth2TokenSource(_http, _secrets, new ManualTimeProvider()));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Render_None_AddsNothing()
    {
        var rendered = await _renderer.RenderAsync(Service(new NoCredential()), Ct);

        Assert.Empty(rendered.Headers);
        Assert.Empty(rendered.QueryParameters);
    }

    [Fact]
    public async Task Render_Header_FillsTheTemplateIntoThatHeader()
    {
        var token = _some.Word();
        var account = _some.Word(8);
        _secrets["gh_token"] = token;
        _secrets["account"] = account;

        var rendered = await _renderer.RenderAsync(Service(new HeaderCredential("X-Api-Key", "{{secret:account}}/{{secret:gh_token}}")), Ct);

        Assert.Equal(new CredentialField("X-Api-Key", $"{account}/{token}"), Assert.Single(rendered.Headers));
        Assert.Empty(rendered.QueryParameters);
    }

    [Fact]
    public async Task Render_Query_FillsTheTemplateIntoThatParameter()
    {
        var key = _some.AwkwardSecret();
        _secrets["maps_key"] = key;

        var rendered = await _renderer.RenderAsync(Service(new QueryCredential("api_key", "{{secret:maps_key}}")), Ct);

        Assert.Empty(rendered.Headers);
        Assert.Equal(new CredentialField("api_key", key), Assert.Single(rendered.QueryParameters));
    }

    [Theory]
    [InlineData("Aladdin", "open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==")] // RFC 7617 §2
    [InlineData("test", "123\u00a3", "dGVzdDoxMjPCow==")] // RFC 7617 §2.1, UTF-8
    public async Task Render_Basic_EncodesUserAndPasswordAsRfc7617(string user, string password, string expected)
    {
        _secrets["pw"] = password;

        var rendered = await _renderer.RenderAsync(Service(new BasicCredential(user, "{{secret:pw}}")), Ct);

        Assert.Equal(new CredentialField("Authorization", "Basic " + expected), Assert.Single(rendered.Headers));
    }

    [Fact]
    public async Task Render_BasicUserSecretWithColon_IsRefusedNamingTheSecret()
    {
        var user = _some.Word(8) + ":" + _some.Word(8);
        _secrets["bot_user"] = user;
        _secrets["pw"] = _some.Word();

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => _renderer.RenderAsync(Service(new BasicCredential("{{secret:bot_user}}", "{{secret:pw}}")), Ct).AsTask());

        Assert.Contains("`bot_user`", error.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 7617", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(user, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\0")]
    [InlineData("\u00e9")]
    public async Task Render_HeaderSecretWithLineBreakOrNul_IsRefusedNamingTheSecretNotItsValue(string bad)
    {
        var value = _some.Word() + bad + _some.Word();
        _secrets["gh_token"] = value;

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => _renderer.RenderAsync(Service(new HeaderCredential("Authorization", "Bearer {{secret:gh_token}}")), Ct).AsTask());

        Assert.Contains("`gh_token`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`example-api`", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value[..24], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_BasicPasswordWithNewline_IsRefused()
    {
        _secrets["pw"] = _some.Word() + "\n";

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => _renderer.RenderAsync(Service(new BasicCredential("bot", "{{secret:pw}}")), Ct).AsTask());

        Assert.Contains("`pw`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MissingSecret_FailsNamingServiceAndSecret()
    {
        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => _renderer.RenderAsync(Service(new HeaderCredential("Authorization", "Bearer {{secret:absent}}")), Ct).AsTask());

        Assert.Contains("`example-api`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`absent`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_InvalidBinding_IsRefusedBeforeAnySecretIsRead()
    {
        _secrets["gh_token"] = _some.Word();

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => _renderer.RenderAsync(Service(new HeaderCredential("Host", "{{secret:gh_token}}")), Ct).AsTask());

        Assert.Contains("credential.header", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _secrets.Reads);
    }

    [Fact]
    public async Task Render_OAuth2_SendsTheAccessTokenAsBearer()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        _secrets["client_secret"] = _some.AwkwardSecret();

        var rendered = await _renderer.RenderAsync(
            Service(new OAuth2ClientCredentials(endpoint.TokenUrl, "airlock", "client_secret", ["read"], null)), Ct);

        Assert.Equal(new CredentialField("Authorization", "Bearer access-1"), Assert.Single(rendered.Headers));
    }

    [Fact]
    public async Task ToString_ShowsNamesButNoValues()
    {
        var token = _some.Word();
        var key = _some.Word();
        _secrets["gh_token"] = token;
        _secrets["maps_key"] = key;
        var header = await _renderer.RenderAsync(Service(new HeaderCredential("Authorization", "Bearer {{secret:gh_token}}")), Ct);
        var query = await _renderer.RenderAsync(Service(new QueryCredential("api_key", "{{secret:maps_key}}")), Ct);

        var printed = $"{header} {query} {header.Headers[0]} {query.QueryParameters[0]} {string.Join(",", header.Headers)}";

        Assert.Contains("Authorization", printed, StringComparison.Ordinal);
        Assert.Contains("api_key", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, printed, StringComparison.Ordinal);
    }

    private static ServiceDefinition Service(CredentialBinding credential) =>
        new("example-api", new Uri("https://api.example.com/v1/"), credential, "", "api", DateTimeOffset.UnixEpoch);
}
