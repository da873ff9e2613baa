using System.Net.Http.Headers;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>
/// The whole data-plane flow through real listeners: an agent holding only a session token calls a registered
/// service; the upstream receives the real key, the agent never sees it, and every decision is sealed.
/// </summary>
public sealed class CallPipelineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Policies = """
        @id("bots-read-echo")
        permit (principal in Airlock::Group::"bots", action in Airlock::Action::"read", resource in Airlock::Service::"echo");

        @id("alice-reads-echo")
        permit (principal == Airlock::User::"alice", action in Airlock::Action::"read", resource in Airlock::Service::"echo");

        @id("no-admin-paths")
        @reason("agents may not touch admin paths of the echo service")
        forbid (principal, action, resource) when { context.request.path like "/admin*" };
        """;

    private readonly List<string> _received = [];
    private string _key = null!;
    private string _policyDirectory = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _key = Canary.New("echo_key", output);
        _upstream = await LoopbackServer.StartAsync(async context =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            lock (_received)
            {
                _received.Add(authorization);
            }

            // A careless upstream that echoes the credential back, in a header and in the body.
            context.Response.Headers["X-Debug-Auth"] = authorization;
            await context.Response.WriteAsync($"{{\"you_sent\":\"{authorization}\",\"path\":\"{context.Request.Path}\"}}");
        });
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-pipeline-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "echo.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/secrets", new { name = "echo_key", value = _key });
        await _gateway.PostAsync("/v1/services", new { name = "echo", url = _upstream.Address.ToString(), credential = new { kind = "header", header = "Authorization", template = "Bearer {{secret:echo_key}}" } });
        await _gateway.PostAsync("/v1/agents", new { id = "bot", groups = new[] { "bots" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Fact]
    public async Task A_permitted_call_reaches_the_upstream_with_the_real_key_and_the_agent_never_sees_it()
    {
        var token = await StartAsync("alice");

        using var response = await CallAsync(token, "/echo/issues?state=open");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"Bearer {_key}", Assert.Single(_received));
        Assert.DoesNotContain(_key, body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:echo_key]", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, string.Join("\n", response.Headers.Select(h => string.Join(",", h.Value))), StringComparison.Ordinal);

        var records = await AuditRecordsAsync();
        var permit = Assert.Single(records, r => r!["kind"]!.GetValue<string>() == "decision");
        Assert.Equal("permit", permit!["decision"]!.GetValue<string>());
        Assert.Equal("/issues", permit["path"]!.GetValue<string>());
        var outcome = Assert.Single(records, r => r!["kind"]!.GetValue<string>() == "outcome");
        Assert.Equal(200, outcome!["status"]!.GetValue<int>());
        Assert.True(outcome["redactionCount"]!.GetValue<int>() >= 2, "body and header");
        Assert.DoesNotContain(_key, string.Join("\n", records.Select(r => r.ToJsonString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/echo/repos/acme/contents/README.md", "/repos/acme/contents/README.md")]
    [InlineData("/echo/payload.json", "/payload.json")]
    [InlineData("/echo/.well-known/openid-configuration", "/.well-known/openid-configuration")]
    [InlineData("/echo/", "/")]
    public async Task A_path_that_looks_like_a_file_or_the_service_root_is_forwarded_like_any_other(string target, string upstreamPath)
    {
        var token = await StartAsync("alice");

        using var response = await CallAsync(token, target);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains($"\"path\":\"{upstreamPath}\"", body, StringComparison.Ordinal);
        Assert.Single(_received);
    }

    [Fact]
    public async Task An_unrouted_target_gets_a_problem_and_an_audit_record_not_a_bare_404()
    {
        var token = await StartAsync("alice");

        await RunningGateway.ExpectProblemAsync(await CallAsync(token, "/favicon.ico"), 404, "no_route");
        Assert.Equal("deny", Assert.Single(await AuditRecordsAsync())!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rotated_secret_is_injected_from_the_next_call_on_and_both_values_are_redacted()
    {
        var token = await StartAsync("alice");
        using (var before = await CallAsync(token, "/echo/issues"))
        {
            Assert.Equal(200, (int)before.StatusCode);
        }

        var rotated = Canary.New("echo_key_v2", output);
        await _gateway.PostAsync("/v1/secrets/echo_key/rotate", new { value = rotated }, expectedStatus: 200);
        using var after = await CallAsync(token, "/echo/issues");
        var body = await after.Content.ReadAsStringAsync();

        Assert.Equal([$"Bearer {_key}", $"Bearer {rotated}"], _received);
        Assert.DoesNotContain(rotated, body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:echo_key]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_call_is_denied_with_its_reason_audited_and_never_forwarded()
    {
        var token = await StartAsync("alice");

        using var response = await CallAsync(token, "/echo/admin/users");
        var problem = await RunningGateway.ExpectProblemAsync(response, 403, "denied");

        Assert.Equal("agents may not touch admin paths of the echo service", problem["detail"]!.GetValue<string>());
        Assert.Empty(_received);
        var records = await AuditRecordsAsync();
        Assert.Equal("deny", Assert.Single(records)!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_agent_cannot_do_more_than_the_user_it_acts_for()
    {
        var token = await StartAsync("mallory");

        using var response = await CallAsync(token, "/echo/issues");
        var problem = await RunningGateway.ExpectProblemAsync(response, 403, "denied");

        Assert.Contains("user mallory", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_request_carrying_a_held_secret_is_refused_as_exfiltration()
    {
        var token = await StartAsync("alice");

        using var response = await CallAsync(token, $"/echo/paste?text={Uri.EscapeDataString(_key)}");

        await RunningGateway.ExpectProblemAsync(response, 403, "exfiltration");
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Calls_outside_the_session_scope_and_ambiguous_paths_are_refused_before_policy()
    {
        await _gateway.PostAsync("/v1/services", new { name = "other", url = "http://127.0.0.1:9/" });
        var started = await _gateway.PostAsync("/v1/sessions", new { agent = "bot", user = "alice", intent = "read issues", scope = new[] { "other" } });
        var scoped = started["token"]!.GetValue<string>();
        var token = await StartAsync("alice");

        await RunningGateway.ExpectProblemAsync(await CallAsync(scoped, "/echo/issues"), 403, "out_of_scope");
        await RunningGateway.ExpectProblemAsync(await CallAsync(token, "/echo/a%5Cb"), 400, "encoded_separator");
        await RunningGateway.ExpectProblemAsync(await CallAsync(token, "/nosuch/x"), 404, "no_route");
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Without_a_session_token_nothing_is_forwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo/issues");

        await RunningGateway.ExpectProblemAsync(await _gateway.Data.SendAsync(request), 401, "unauthenticated");
        Assert.Empty(_received);
    }

    private Task<List<System.Text.Json.Nodes.JsonNode>> AuditRecordsAsync() => _gateway.AuditRecordsAsync();

    private async Task<string> StartAsync(string user)
    {
        var started = await _gateway.PostAsync("/v1/sessions", new { agent = "bot", user, intent = "read the issues" });
        return started["token"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> CallAsync(string token, string target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _gateway.Data.SendAsync(request);
    }
}
