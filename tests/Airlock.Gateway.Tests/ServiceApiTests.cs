using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class ServiceApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_credential_kind_round_trips_as_template_text_only()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var value = Canary.New("gh", output);
        await gateway.PostAsync("/v1/secrets", new { name = "gh", value });
        object[] credentials =
        [
            new { kind = "none" },
            new { kind = "header", header = "Authorization", template = "Bearer {{secret:gh}}" },
            new { kind = "query", parameter = "api_key", template = "{{secret:gh}}" },
            new { kind = "basic", username_template = "bot", password_template = "{{secret:gh}}" },
            new { kind = "oauth2_client_credentials", token_url = "https://auth.example.com/token", client_id = "airlock", client_secret_name = "gh", scopes = new[] { "read" }, audience = (string?)null },
        ];

        for (var i = 0; i < credentials.Length; i++)
        {
            var created = await gateway.PostAsync("/v1/services", new { name = $"svc{i}", url = "https://api.example.com/v3/", credential = credentials[i] });
            Assert.Equal("https://api.example.com/v3", created["url"]!.GetValue<string>());
            Assert.Equal("api", created["source"]!.GetValue<string>());
            Assert.Equal(RunningGateway.Json(credentials[i]), created["credential"]!.ToJsonString());
        }

        var list = await gateway.GetAsync("/v1/services");
        Assert.Equal(credentials.Length, list.AsArray().Count);
        Assert.DoesNotContain(value, list.ToJsonString(), StringComparison.Ordinal);
        await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/services/svc1"), 204);
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync("/v1/services/svc1"), 404, "not_found");
    }

    public static TheoryData<string, string, string> Invalid() => new()
    {
        { """{"name":"Bad_Name","url":"https://x.example"}""", "name", "validation" },
        { """{"name":"llm","url":"https://x.example"}""", "name", "validation" },
        { """{"name":"svc","url":"ftp://x.example"}""", "url", "validation" },
        { """{"name":"svc","url":"/relative"}""", "url", "validation" },
        { """{"name":"svc","url":"https://user:pw@x.example"}""", "url", "validation" },
        { """{"name":"svc","url":"https://x.example/?a=1"}""", "url", "validation" },
        { """{"name":"svc","url":"https://x.example","credential":{"kind":"header","header":"Authorization","template":"Bearer {{secret:missing}}"}}""", "credential", "validation" },
        { """{"name":"svc","url":"https://x.example","credential":{"kind":"header","header":"Authorization","template":"Bearer {{secret:gh"}}""", "credential.template", "validation" },
        { """{"name":"svc","url":"https://x.example","credential":{"kind":"header","header":"Host","template":"{{secret:gh}}"}}""", "credential.header", "validation" },
        { """{"name":"svc","url":"https://x.example","credential":{"kind":"oauth2_client_credentials","token_url":"http://auth.example.com/token","client_id":"c","client_secret_name":"gh","scopes":[],"audience":null}}""", "credential.token_url", "validation" },
        { """{"name":"svc","url":"https://x.example","credential":{"kind":"magic"}}""", "", "bad_request" },
        { """{"name":"svc","url":"https://x.example","colour":"blue"}""", "", "bad_request" },
        { """{"name":"svc",""", "", "bad_request" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_services_are_refused_with_the_field_at_fault_and_nothing_is_stored(string body, string field, string code)
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/secrets", new { name = "gh", value = Canary.New("gh", output) });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var problem = await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsync("/v1/services", content), code == "validation" ? 422 : 400, code);

        if (field.Length > 0)
        {
            Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
        }

        Assert.Empty((await gateway.GetAsync("/v1/services")).AsArray());
    }

    [Fact]
    public async Task A_duplicate_service_is_a_conflict()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/services", new { name = "svc", url = "https://x.example" });

        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/services", new { name = "svc", url = "https://y.example" }), 409, "conflict");
        Assert.Equal("https://x.example/", (await gateway.GetAsync("/v1/services/svc"))["url"]!.GetValue<string>());
    }
}
