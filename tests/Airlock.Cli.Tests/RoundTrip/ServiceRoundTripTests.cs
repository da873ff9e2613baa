using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class ServiceRoundTripTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("svc-header", "header:Authorization=Bearer {{secret:svc_token}}",
        """{"kind":"header","header":"Authorization","template":"Bearer {{secret:svc_token}}"}""")]
    [InlineData("svc-query", "query:api_key={{secret:svc_token}}", """{"kind":"query","parameter":"api_key","template":"{{secret:svc_token}}"}""")]
    [InlineData("svc-basic", "basic:username=svc-bot;password={{secret:svc_token}}",
        """{"kind":"basic","username_template":"svc-bot","password_template":"{{secret:svc_token}}"}""")]
    [InlineData("svc-oauth", "oauth2:token_url=https://auth.example.com/oauth/token;client_id=airlock;client_secret=svc_token;scope=read write;audience=api",
        """{"kind":"oauth2_client_credentials","token_url":"https://auth.example.com/oauth/token","client_id":"airlock","client_secret_name":"svc_token","scopes":["read","write"],"audience":"api"}""")]
    [InlineData("svc-none", "none", """{"kind":"none"}""")]
    public async Task Add_show_list_remove_each_inject_form(string name, string inject, string credential)
    {
        await EnsureSecretAsync("svc_token");

        var add = await gateway.RunAsync("service", "add", name, "--url", "https://api.example.com/v2", "--inject", inject, "--description", "test service");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains($"name         {name}", add.Stdout);

        var show = await gateway.RunAsync("service", "show", name, "--output", "json");
        Assert.True(show.ExitCode == 0, show.ToString());
        var service = JsonNode.Parse(show.Stdout)!;
        Assert.Equal(name, (string?)service["name"]);
        Assert.Equal("test service", (string?)service["description"]);
        Assert.Equal("api", (string?)service["source"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(credential), service["credential"]), show.Stdout);

        var list = await gateway.RunAsync("service", "list");
        Assert.Contains(name, list.Stdout);

        var duplicate = await gateway.RunAsync("service", "add", name, "--url", "https://api.example.com", "--inject", "none");
        Assert.True(duplicate.ExitCode == 6, duplicate.ToString());

        var remove = await gateway.RunAsync("service", "remove", name);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        var gone = await gateway.RunAsync("service", "show", name);
        Assert.True(gone.ExitCode == 5, gone.ToString());
        Assert.Contains("airlock service list", gone.Stderr);
    }

    [Fact]
    public async Task Policy_body_is_off_unless_asked_for()
    {
        var plain = await gateway.RunAsync("service", "add", "svc-plain-body", "--url", "https://api.example.com", "--inject", "none");
        var shown = await gateway.RunAsync("service", "add", "svc-shown-body", "--url", "https://api.example.com", "--inject", "none", "--policy-body");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("policy body  not shown to policy", plain.Stdout);
        Assert.Contains("policy body  shown to policy", shown.Stdout);
        var json = JsonNode.Parse((await gateway.RunAsync("service", "show", "svc-shown-body", "--output", "json")).Stdout)!;
        Assert.True((bool)json["policy_body"]!);
    }

    [Fact]
    public async Task An_llm_service_is_added_with_its_provider_prices_and_cap()
    {
        var add = await gateway.RunAsync(
            "service", "add", "llm-openai", "--url", "https://api.example.com", "--inject", "none",
            "--llm", "openai", "--price", "gpt-4o-mini=0.15/0.60", "--price", "*=5/15", "--default-max-tokens", "2000");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("llm          openai, at /llm/llm-openai/, 2 priced model(s), default cap 2000 tokens", add.Stdout);
        var json = JsonNode.Parse((await gateway.RunAsync("service", "show", "llm-openai", "--output", "json")).Stdout)!;
        Assert.Equal(0.60m, json["llm"]!["prices"]!["gpt-4o-mini"]!["output_per_million"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("--price", "gpt-4o=1/2")]
    [InlineData("--llm", "mistral")]
    public async Task Llm_options_that_do_not_fit_are_usage_errors(string option, string value)
    {
        var args = option == "--llm"
            ? new[] { "service", "add", "llm-bad", "--url", "https://api.example.com", "--inject", "none", "--llm", value, "--price", "*=1/1" }
            : new[] { "service", "add", "llm-bad", "--url", "https://api.example.com", "--inject", "none", option, value };

        var add = await gateway.RunAsync(args);

        Assert.True(add.ExitCode == 2, add.ToString());
        Assert.StartsWith("error: ", add.Stderr);
    }

    [Fact]
    public async Task Unknown_secret_is_invalid_with_the_field_named()
    {
        var add = await gateway.RunAsync("service", "add", "svc-missing", "--url", "https://api.example.com", "--inject", "header:X-Key={{secret:no_such_secret}}");

        Assert.True(add.ExitCode == 1, add.ToString());
        Assert.StartsWith("error: ", add.Stderr);
        Assert.Contains("error: credential", add.Stderr);
        Assert.Contains("no_such_secret", add.Stderr);
    }

    private async Task EnsureSecretAsync(string name)
    {
        var put = await gateway.RunWithAsync(gateway.Canary(name), null, "secret", "put", name);
        Assert.True(put.ExitCode is 0 or 6, put.ToString());
    }
}
