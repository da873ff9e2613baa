using System.Net.Http.Headers;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>An access token Airlock obtains for a service is a held secret: redacted on the way back, refused on the way out.</summary>
public sealed class OAuth2TokenLeakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Policies = """
        permit (principal, action, resource in Airlock::Service::"crm");
        """;

    private string _accessToken = null!;
    private string _policyDirectory = null!;
    private LoopbackServer _tokenEndpoint = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;
    private string? _received;

    public async ValueTask InitializeAsync()
    {
        _accessToken = Canary.New("access_token", output);
        _tokenEndpoint = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsJsonAsync(new { access_token = _accessToken, token_type = "Bearer", expires_in = 3600 }));
        _upstream = await LoopbackServer.StartAsync(async context =>
        {
            _received = context.Request.Headers.Authorization.ToString();
            context.Response.Headers["X-Echo"] = _received;
            await context.Response.WriteAsync($"data: {{\"auth\":\"{_received}\"}}\n\n");
        });
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-oauth-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "crm.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/secrets", new { name = "crm_client_secret", value = Canary.New("client_secret", output) });
        await _gateway.PostAsync("/v1/services", new
        {
            name = "crm",
            url = _upstream.Address.ToString(),
            credential = new
            {
                kind = "oauth2_client_credentials",
                token_url = new Uri(_tokenEndpoint.Address, "/oauth/token").ToString(),
                client_id = "airlock",
                client_secret_name = "crm_client_secret",
                scopes = new[] { "contacts.read" },
                audience = (string?)null,
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _tokenEndpoint.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Fact]
    public async Task The_token_reaches_the_upstream_and_an_echo_of_it_is_redacted_in_headers_and_body()
    {
        var (token, _) = await _gateway.StartSessionAsync(user: null);

        using var response = await CallAsync(token, "/crm/contacts");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"Bearer {_accessToken}", _received);
        Assert.DoesNotContain(_accessToken, body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:oauth2:crm]", body, StringComparison.Ordinal);
        Assert.Equal("Bearer [REDACTED:oauth2:crm]", response.Headers.GetValues("X-Echo").Single());
    }

    [Fact]
    public async Task An_agent_that_learned_the_token_cannot_send_it_out()
    {
        var (token, _) = await _gateway.StartSessionAsync(user: null);
        using (await CallAsync(token, "/crm/contacts"))
        {
        }

        using var response = await CallAsync(token, $"/crm/notes?text={Uri.EscapeDataString(_accessToken)}");

        await RunningGateway.ExpectProblemAsync(response, 403, "exfiltration");
    }

    private async Task<HttpResponseMessage> CallAsync(string token, string target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _gateway.Data.SendAsync(request);
    }
}
