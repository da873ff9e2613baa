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
