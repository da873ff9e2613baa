using System.Net.Http.Headers;
using System.Text;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>Policy reads the request's headers, and its JSON body where the service allows it, through the real listener.</summary>
public sealed class RequestContextPolicyTests : IAsyncLifetime
{
    private const string Policies = """
        permit (principal, action, resource);

        @id("issues-need-a-title")
        @reason("an issue needs a title that is not empty")
        forbid (principal, action == Airlock::Action::"POST", resource)
        unless { context.request has body && context.request.body.hasTag("/title") && context.request.body.getTag("/title") != "" };

        @id("json-clients-only")
        @reason("send Accept: application/json")
        forbid (principal, action == Airlock::Action::"GET", resource)
        unless { context.request.headers.hasTag("accept") && context.request.headers.getTag("accept") like "application/json*" };
        """;

    private readonly List<string> _received = [];
    private string _policyDirectory = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (_received)
            {
                _received.Add(body);
            }

            await context.Response.WriteAsync("ok");
        });
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-context-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "context.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/services", new { name = "tracker", url = _upstream.Address.ToString(), policy_body = true });
        await _gateway.PostAsync("/v1/services", new { name = "opaque", url = _upstream.Address.ToString() });
        (_token, _) = await _gateway.StartSessionAsync(user: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Fact]
    public async Task A_service_that_shows_bodies_lets_policy_judge_the_json_fields()
    {
        using var titled = await SendAsync(HttpMethod.Post, "/tracker/issues", Json("""{"title":"Login fails","labels":["bug"]}"""));
        using var untitled = await SendAsync(HttpMethod.Post, "/tracker/issues", Json("""{"title":"","labels":["bug"]}"""));

        Assert.Equal(200, (int)titled.StatusCode);
        var problem = await RunningGateway.ExpectProblemAsync(untitled, 403, "denied");
        Assert.Equal("an issue needs a title that is not empty", problem["detail"]!.GetValue<string>());
        Assert.Equal(["""{"title":"Login fails","labels":["bug"]}"""], _received);
    }

    [Fact]
    public async Task The_body_is_not_shown_when_the_service_does_not_allow_it_or_it_is_not_json()
    {
        using var opaque = await SendAsync(HttpMethod.Post, "/opaque/issues", Json("""{"title":"Login fails"}"""));
        using var text = await SendAsync(HttpMethod.Post, "/tracker/issues", new StringContent("""{"title":"Login fails"}""", Encoding.UTF8, "text/plain"));
        using var repeated = await SendAsync(HttpMethod.Post, "/tracker/issues", Json("""{"title":"","title":"Login fails"}"""));

        await RunningGateway.ExpectProblemAsync(opaque, 403, "denied");
        await RunningGateway.ExpectProblemAsync(text, 403, "denied");
        await RunningGateway.ExpectProblemAsync(repeated, 403, "denied");
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Policy_reads_the_headers_that_are_forwarded_and_not_the_ones_airlock_strips()
    {
        using var json = await SendAsync(HttpMethod.Get, "/opaque/issues", accept: "application/json");
        using var html = await SendAsync(HttpMethod.Get, "/opaque/issues", accept: "text/html");

        Assert.Equal(200, (int)json.StatusCode);
        await RunningGateway.ExpectProblemAsync(html, 403, "denied");
    }

    [Fact]
    public async Task The_service_shows_whether_policy_sees_its_bodies()
    {
        Assert.True((await _gateway.GetAsync("/v1/services/tracker"))["policy_body"]!.GetValue<bool>());
        Assert.False((await _gateway.GetAsync("/v1/services/opaque"))["policy_body"]!.GetValue<bool>());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string target, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, target) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await _gateway.Data.SendAsync(request);
    }
}
