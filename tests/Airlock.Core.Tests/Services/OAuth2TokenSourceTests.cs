using System.Net;
using System.Text;
using Airlock.Core.Services;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Services;

public sealed class OAuth2TokenSourceTests : IDisposable
{
    private const string Service = "example-api";
    private const string SecretName = "example_client_secret";

    // As the gateway must build it: redirects are never followed.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly ManualTimeProvider _time = new();
    private readonly FakeSecretResolver _secrets = new();
    private readonly TestData _some = new();
    private readonly string _clientSecret;

    public OAuth2TokenSourceTests()
    {
        _clientSecret = _some.AwkwardSecret();
        _secrets[SecretName] = _clientSecret;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetAccessToken_PostsFormEncodedGrantWithFormEncodedBasicClientAuthentication()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        const string ClientId = "my client:id/+&";
        var binding = new OAuth2ClientCredentials(endpoint.TokenUrl, ClientId, SecretName, ["read", "write:all"], "https://api.example.com/");

        var token = await NewSource().GetAccessTokenAsync(Service, binding, Ct);

        Assert.Equal("access-1", token);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/token", request.Path);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=read+write%3Aall&audience=https%3A%2F%2Fapi.example.com%2F", request.Body);

        // RFC 6749 §2.3.1: each part form-urlencoded, then user:password, then base64.
        Assert.StartsWith("Basic ", request.Authorization, StringComparison.Ordinal);
        var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(request.Authorization["Basic ".Length..]));
        var parts = decoded.Split(':');
        Assert.Equal(2, parts.Length);
        Assert.Equal("my+client%3Aid%2F%2B%26", parts[0]);
        Assert.Equal(ClientId, WebUtility.UrlDecode(parts[0]));
        Assert.Equal(_clientSecret, WebUtility.UrlDecode(parts[1]));
        Assert.DoesNotContain(' ', parts[1]);
        Assert.Contains("%3A%2B+%25%26%3D%2F%3F%C3%A9%E2%82%AC", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessToken_NoScopesOrAudience_SendsOnlyTheGrantType()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();

        await NewSource().GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        Assert.Equal("grant_type=client_credentials", Assert.Single(endpoint.Requests).Body);
    }

    [Fact]
    public async Task GetAccessToken_SecondCall_IsServedFromTheCache()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = NewSource();

        var first = await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);
        _time.Advance(TimeSpan.FromMinutes(30));
        var second = await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        Assert.Equal("access-1", first);
        Assert.Equal(first, second);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task GetAccessToken_NearExpiry_KeepsServingTheTokenAndRefreshesInTheBackground()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = NewSource();
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        // expires_in 3600: the refresh margin is 10% = 360 s, so refresh starts at 3240 s.
        _time.Advance(TimeSpan.FromSeconds(3239));
        Assert.Equal("access-1", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
        Assert.Single(endpoint.Requests);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("access-1", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
        await Eventually(async () => await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct) == "access-2");
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task GetAccessToken_AfterExpiry_WaitsForANewToken()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = NewSource();
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal("access-2", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
    }

    [Fact]
    public async Task GetAccessToken_NoExpiresIn_AssumesFiveMinutes()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        endpoint.Responder = static (_, n) => Task.FromResult(TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"bearer"}"""));
        var source = NewSource();
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        _time.Advance(TimeSpan.FromSeconds(269));
        Assert.Equal("access-1", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("access-2", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
    }

    [Theory]
    [InlineData("1e12")]
    [InlineData("\"999999999999\"")]
    public async Task GetAccessToken_AbsurdExpiresIn_IsCappedAtOneDay(string expiresIn)
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        endpoint.Responder = (_, n) => Task.FromResult(TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":{{expiresIn}}}"""));
        var source = NewSource();
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("access-2", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
    }

    [Fact]
    public async Task GetAccessToken_TwentyConcurrentCallers_ShareOneRequest()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Responder = async (_, n) =>
        {
            await gate.Task;
            return TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"Bearer","expires_in":3600}""");
        };
        var source = NewSource();
        using var start = new Barrier(20);
        var joined = 0;

        // Dedicated threads released together by the barrier: pool threads would arrive one by one on a small machine.
        var callers = Enumerable.Range(0, 20).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(Ct);
                var pending = source.GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask();
                Interlocked.Increment(ref joined);
                return pending;
            },
            Ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Eventually(() => Task.FromResult(Volatile.Read(ref joined) == 20));
        await endpoint.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Every caller is past the cache check and none has an answer: they all wait on the one request.
        Assert.DoesNotContain(callers, c => c.IsCompleted);
        gate.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.All(tokens, t => Assert.Equal("access-1", t));
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task GetAccessToken_CallerCancels_SharedFetchCarriesOnForTheOthers()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Responder = async (_, n) =>
        {
            await gate.Task;
            return TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"Bearer"}""");
        };
        var source = NewSource();
        using var impatient = new CancellationTokenSource();

        var cancelled = source.GetAccessTokenAsync(Service, Binding(endpoint), impatient.Token).AsTask();
        var patient = source.GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();

        Assert.Equal("access-1", await patient.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task GetAccessToken_ChangedBinding_DoesNotReuseTheOldToken()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = NewSource();

        var before = await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);
        var after = await source.GetAccessTokenAsync(Service, Binding(endpoint) with { Scopes = ["admin"] }, Ct);
        var again = await source.GetAccessTokenAsync(Service, Binding(endpoint) with { Scopes = ["admin"] }, Ct);

        Assert.Equal("access-1", before);
        Assert.Equal("access-2", after);
        Assert.Equal(after, again);
    }

    [Fact]
    public async Task Invalidate_NextCallFetchesANewToken()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = NewSource();
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        source.Invalidate(Service);

        Assert.Equal("access-2", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
    }

    public enum BadAnswer
    {
        InvalidClient,
        UnregisteredErrorCode,
        ServerError,
        NotJson,
        NoAccessToken,
        NotBearer,
        Redirect,
    }

    [Theory]
    [InlineData(BadAnswer.InvalidClient, "HTTP 400 with OAuth error `invalid_client`")]
    [InlineData(BadAnswer.UnregisteredErrorCode, "HTTP 400 with an unregistered OAuth error code")]
    [InlineData(BadAnswer.ServerError, "HTTP 500")]
    [InlineData(BadAnswer.NotJson, "the response is not JSON")]
    [InlineData(BadAnswer.NoAccessToken, "no access_token")]
    [InlineData(BadAnswer.NotBearer, "token_type is not Bearer")]
    [InlineData(BadAnswer.Redirect, "HTTP 302, a redirect")]
    public async Task GetAccessToken_BadAnswer_FailsNamingServiceUrlAndCauseButNoSecretOrBody(BadAnswer answer, string expected)
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var canary = _some.Canary();
        var echo = $"{canary} {_clientSecret}";
        endpoint.Responder = (request, _) => Task.FromResult(request.Path == "/elsewhere"
            ? TokenReply.Json(200, $$"""{"access_token":"{{canary}}","token_type":"Bearer"}""")
            : answer switch
            {
                BadAnswer.InvalidClient => TokenReply.Json(400, $$"""{"error":"invalid_client","error_description":"{{echo}}"}"""),
                BadAnswer.UnregisteredErrorCode => TokenReply.Json(400, $$"""{"error":"{{canary}}"}"""),
                BadAnswer.ServerError => new TokenReply(500, $"failed for {echo}", "text/plain"),
                BadAnswer.NotJson => new TokenReply(200, $"<html>{echo}</html>", "text/html"),
                BadAnswer.NoAccessToken => TokenReply.Json(200, $$"""{"token_type":"Bearer","debug":"{{echo}}"}"""),
                BadAnswer.NotBearer => TokenReply.Json(200, $$"""{"access_token":"{{canary}}","token_type":"{{canary}}"}"""),
                BadAnswer.Redirect => new TokenReply(302, canary, "text/plain", new Uri(endpoint.BaseAddress, "/elsewhere?" + canary).AbsoluteUri),
                _ => throw new ArgumentOutOfRangeException(nameof(answer)),
            });

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => NewSource().GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"`{Service}`", error.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint.TokenUrl.AbsoluteUri, error.Message, StringComparison.Ordinal);
        AssertNoSecretMaterial(error, canary);
        Assert.DoesNotContain(endpoint.Requests, r => r.Path == "/elsewhere");
    }

    [Fact]
    public async Task GetAccessToken_ClientThatFollowsRedirects_StillRefusesTheRedirectedAnswer()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var canary = _some.Canary();
        endpoint.Responder = (request, _) => Task.FromResult(request.Path == "/elsewhere"
            ? TokenReply.Json(200, $$"""{"access_token":"{{canary}}","token_type":"Bearer"}""")
            : new TokenReply(307, "", "text/plain", new Uri(endpoint.BaseAddress, "/elsewhere").AbsoluteUri));
        using var misconfigured = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(
            () => new OAuth2TokenSource(misconfigured, _secrets, _time).GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask());

        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        AssertNoSecretMaterial(error, canary);
    }

    [Fact]
    public async Task GetAccessToken_AfterFailure_FailsFastBrieflyThenTriesAgain()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        endpoint.Responder = static (_, n) => Task.FromResult(n == 1
            ? TokenReply.Json(503, """{"error":"temporarily_unavailable"}""")
            : TokenReply.Json(200, $$"""{"access_token":"access-{{n}}","token_type":"Bearer"}"""));
        var source = NewSource();

        var first = await Assert.ThrowsAsync<CredentialUnavailableException>(() => source.GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask());
        var second = await Assert.ThrowsAsync<CredentialUnavailableException>(() => source.GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask());
        Assert.Equal(first.Message, second.Message);
        Assert.Single(endpoint.Requests);

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("access-2", await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct));
    }

    [Fact]
    public async Task GetAccessToken_EndpointHangs_TimesOut()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var gate = new TaskCompletionSource<TokenReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Responder = (_, _) => gate.Task;
        try
        {
            var pending = NewSource().GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask();
            await endpoint.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

            _time.Advance(TimeSpan.FromSeconds(11));

            var error = await Assert.ThrowsAsync<CredentialUnavailableException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10), Ct));
            Assert.Contains("did not answer within 10 s", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            gate.SetResult(TokenReply.Json(500, "{}"));
        }
    }

    [Theory]
    [InlineData("http://auth.example.com/token")]
    [InlineData("http://10.0.0.1/token")]
    [InlineData("http://127.0.0.1.nip.io/token")]
    public async Task GetAccessToken_HttpToANonLoopbackHost_IsRefusedWithoutARequest(string url)
    {
        var binding = new OAuth2ClientCredentials(new Uri(url), "airlock", SecretName, [], null);

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(() => NewSource().GetAccessTokenAsync(Service, binding, Ct).AsTask());

        Assert.Contains("must use https", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _secrets.Reads);
    }

    [Fact]
    public async Task GetAccessToken_ClientSecretMissing_FailsNamingTheSecretWithoutARequest()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var binding = Binding(endpoint) with { ClientSecretName = "absent_secret" };

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(() => NewSource().GetAccessTokenAsync(Service, binding, Ct).AsTask());

        Assert.Contains("`absent_secret`", error.Message, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task GetAccessToken_ReportsEachNewTokenBeforeAnyCallerGetsIt()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var reported = new List<(string Service, string Token)>();
        var source = new OAuth2TokenSource(_http, _secrets, _time, new OAuth2TokenSourceOptions
        {
            OnTokenIssued = (service, token, _) =>
            {
                reported.Add((service, token));
                return Task.CompletedTask;
            },
        });

        var token = await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);
        await source.GetAccessTokenAsync(Service, Binding(endpoint), Ct);

        Assert.Equal([(Service, token)], reported);
    }

    [Fact]
    public async Task GetAccessToken_TokenThatCannotBeReported_IsNeverHandedOut()
    {
        await using var endpoint = await LocalTokenEndpoint.StartAsync();
        var source = new OAuth2TokenSource(_http, _secrets, _time, new OAuth2TokenSourceOptions
        {
            OnTokenIssued = (_, _, _) => throw new InvalidOperationException("leak set unavailable"),
        });

        var error = await Assert.ThrowsAsync<CredentialUnavailableException>(() => source.GetAccessTokenAsync(Service, Binding(endpoint), Ct).AsTask());

        Assert.DoesNotContain("access-1", error.Message, StringComparison.Ordinal);
    }

    private OAuth2TokenSource NewSource() => new(_http, _secrets, _time);

    private static OAuth2ClientCredentials Binding(LocalTokenEndpoint endpoint) => new(endpoint.TokenUrl, "airlock", SecretName, [], null);

    private void AssertNoSecretMaterial(Exception error, string canary)
    {
        var everything = error.ToString();
        Assert.DoesNotContain(canary, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_clientSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.UrlEncode(_clientSecret), everything, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
