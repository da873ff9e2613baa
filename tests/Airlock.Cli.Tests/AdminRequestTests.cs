using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests;

/// <summary>What airlock sends and how it reads answers a real gateway rarely gives (5xx, redirects, garbage), against a fake admin API.</summary>
public sealed class AdminRequestTests : IAsyncLifetime
{
    private const string Value = "fake-canary-9f1c2e";

    private FakeAdminApi api = null!;

    public async ValueTask InitializeAsync() => api = await FakeAdminApi.StartAsync();

    public async ValueTask DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Secret_put_sends_name_and_value_with_one_trailing_newline_dropped()
    {
        api.Respond = _ => new FakeResponse(201, """{"name":"gh","version":1,"versions":1,"created":"2026-01-02T03:04:05Z","updated":"2026-01-02T03:04:05Z"}""");

        var result = await AdminCli.RunAsync(api, Value + "\n\n", "secret", "put", "gh", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/secrets", request.PathAndQuery);
        Assert.Equal($"Bearer {AdminCli.Token}", request.Authorization);
        Assert.Equal($$"""{"name":"gh","value":"{{Value}}\n"}""", request.Body);
        Assert.DoesNotContain(Value, result.Stdout + result.Stderr);
        Assert.DoesNotContain(AdminCli.Token, result.Stdout + result.Stderr);
        Assert.Contains($"> POST {api.Address}/v1/secrets", result.Stderr);
    }

    [Fact]
    public async Task Json_output_is_the_apis_json_indented()
    {
        const string Body = """[{"name":"gh","version":3,"versions":3,"created":"2026-01-02T03:04:05Z","updated":"2026-01-02T03:04:05Z","future_field":{"x":[1,2]}}]""";
        api.Respond = _ => new FakeResponse(200, Body);

        var result = await AdminCli.RunAsync(api, null, "secret", "list", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Body), JsonNode.Parse(result.Stdout)), result.Stdout);
        Assert.Contains("\n  {", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "session", "list", "--agent", "bot", "--user", "alice@example.com", "--all" }, "GET", "/v1/sessions?agent=bot&user=alice%40example.com&all=true", "")]
    [InlineData(new[] { "session", "revoke", "--agent", "bot", "--reason", "done" }, "POST", "/v1/sessions/revoke", """{"agent":"bot","reason":"done"}""")]
    [InlineData(new[] { "session", "revoke", "s-1" }, "POST", "/v1/sessions/s-1/revoke", "{}")]
    [InlineData(new[] { "session", "start", "--agent", "bot", "--intent", "fix it", "--ttl", "1h", "--scope", "github" }, "POST", "/v1/sessions",
        """{"agent":"bot","intent":"fix it","scope":["github"],"ttl_seconds":3600}""")]
    [InlineData(new[] { "user", "add", "alice", "--group", "eng" }, "PUT", "/v1/users/alice", """{"groups":["eng"]}""")]
    [InlineData(new[] { "agent", "add", "bot", "--description", "d" }, "POST", "/v1/agents", """{"id":"bot","description":"d"}""")]
    [InlineData(new[] { "agent", "disable", "bot" }, "POST", "/v1/agents/bot/disable", "")]
    [InlineData(new[] { "token", "create", "--name", "ci", "--ttl", "7d" }, "POST", "/v1/admin-tokens", """{"name":"ci","ttl_seconds":604800}""")]
    [InlineData(new[] { "token", "revoke", "ci" }, "DELETE", "/v1/admin-tokens/ci", "")]
    [InlineData(new[] { "signing-key", "rotate" }, "POST", "/v1/signing-keys/rotate", "")]
    [InlineData(new[] { "service", "add", "gh", "--url", "https://api.github.com", "--inject", "header:Authorization=Bearer {{secret:t}}" }, "POST", "/v1/services",
        """{"name":"gh","url":"https://api.github.com","credential":{"kind":"header","header":"Authorization","template":"Bearer {{secret:t}}"}}""")]
    public async Task Requests_follow_the_contract(string[] args, string method, string pathAndQuery, string body)
    {
        var result = await AdminCli.RunAsync(api, null, args);

        var request = Assert.Single(api.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(pathAndQuery, request.PathAndQuery);
        Assert.Equal(body, request.Body);
        Assert.True(result.ExitCode is 0 or 7, result.ToString());
    }

    [Theory]
    [InlineData(400, "bad_request", 1)]
    [InlineData(401, "unauthenticated", 3)]
    [InlineData(403, "forbidden", 3)]
    [InlineData(404, "not_found", 5)]
    [InlineData(409, "conflict", 6)]
    [InlineData(422, "validation", 1)]
    [InlineData(500, "internal", 7)]
    [InlineData(503, "unavailable", 7)]
    public async Task Problem_status_maps_to_exit_code_with_detail_and_field_errors(int status, string code, int exitCode)
    {
        api.Respond = _ => FakeAdminApi.Problem(status, code, "it went wrong", """[{"field":"url","message":"must be absolute"}]""");

        var result = await AdminCli.RunAsync(api, null, "agent", "list");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.StartsWith("error: it went wrong\nerror: url: must be absolute\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Server_echoing_a_secret_or_the_token_is_redacted()
    {
        api.Respond = _ => FakeAdminApi.Problem(422, "validation", $"value {Value} and token {AdminCli.Token} are bad", $$"""[{"field":"value","message":"{{Value}}"}]""");

        var result = await AdminCli.RunAsync(api, Value, "secret", "put", "gh");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain(Value, result.Stderr);
        Assert.DoesNotContain(AdminCli.Token, result.Stderr);
        Assert.Contains("[redacted]", result.Stderr);
    }

    [Fact]
    public async Task Redirect_is_not_followed()
    {
        api.Respond = _ => new FakeResponse(307, null);
        var result = await AdminCli.RunAsync(api, null, "agent", "list");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Single(api.Requests);
        Assert.Contains("does not follow redirects", result.Stderr);
    }

    [Theory]
    [InlineData(200, "<html>hello</html>", "text/html")]
    [InlineData(200, "{\"unexpected\": true}", "application/json")]
    [InlineData(502, "<html>bad gateway</html>", "text/html")]
    public async Task Answers_that_are_not_the_admin_api_exit_seven(int status, string body, string contentType)
    {
        api.Respond = _ => new FakeResponse(status, body, contentType);

        var result = await AdminCli.RunAsync(api, null, "agent", "show", "bot");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
