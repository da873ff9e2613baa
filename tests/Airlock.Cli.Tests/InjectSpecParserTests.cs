using System.Text.Json;
using Airlock.Cli.AdminApi;
using Airlock.Cli.Input;
using Airlock.Core.Services;

namespace Airlock.Cli.Tests;

public class InjectSpecParserTests
{
    // The gateway refuses unknown members, so the CLI's JSON must bind exactly to the contract's types.
    private static readonly JsonSerializerOptions Strict = new(AdminJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    [Theory]
    [InlineData("none", """{"kind":"none"}""")]
    [InlineData("header:Authorization=Bearer {{secret:github_token}}",
        """{"kind":"header","header":"Authorization","template":"Bearer {{secret:github_token}}"}""")]
    [InlineData("header:X-Api-Key={{secret:k}}=tail", """{"kind":"header","header":"X-Api-Key","template":"{{secret:k}}=tail"}""")]
    [InlineData("query:api_key={{secret:maps_key}}", """{"kind":"query","parameter":"api_key","template":"{{secret:maps_key}}"}""")]
    [InlineData("basic:username=svc-bot;password={{secret:jira_token}}",
        """{"kind":"basic","username_template":"svc-bot","password_template":"{{secret:jira_token}}"}""")]
    [InlineData("basic:password={{secret:p}};x;username={{secret:u}}",
        """{"kind":"basic","username_template":"{{secret:u}}","password_template":"{{secret:p}};x"}""")]
    [InlineData("oauth2:token_url=https://auth.example.com/oauth/token;client_id=airlock;client_secret=example_client_secret;scope=read write",
        """{"kind":"oauth2_client_credentials","token_url":"https://auth.example.com/oauth/token","client_id":"airlock","client_secret_name":"example_client_secret","scopes":["read","write"],"audience":null}""")]
    [InlineData("oauth2:audience=api;client_secret=s;client_id=c;token_url=http://127.0.0.1:9/t",
        """{"kind":"oauth2_client_credentials","token_url":"http://127.0.0.1:9/t","client_id":"c","client_secret_name":"s","scopes":[],"audience":"api"}""")]
    public void Parse_EachForm_GivesTheContractsCredentialObject(string spec, string json)
    {
        var credential = InjectSpecParser.Parse(spec, "--inject");

        Assert.Equal(json, credential.ToJsonString());
        Assert.NotNull(JsonSerializer.Deserialize<CredentialBinding>(json, Strict));
    }

    [Theory]
    [InlineData("", "does not start with a credential kind")]
    [InlineData("bearer:{{secret:x}}", "`bearer:{{secret:x}}` does not start with a credential kind")]
    [InlineData("none:x", "`none` takes nothing after it")]
    [InlineData("header:Authorization", "has no `=` between the header name and the template")]
    [InlineData("header:=x", "the header name is empty")]
    [InlineData("header:Bad Name={{secret:x}}", "header is not a valid header name")]
    [InlineData("header:Host={{secret:x}}", "`Host` controls how the request is delivered")]
    [InlineData("header:Authorization=Bearer abc", "template references no secret")]
    [InlineData("header:Authorization=Bearer {{secrets:x}}", "that does not start a {{secret:NAME}} reference")]
    [InlineData("header:Authorization=Bearer {{secret:x", "unclosed {{secret:…}} reference")]
    [InlineData("header:Authorization=Bearer {{secret:-x}}", "which is not a valid secret name")]
    [InlineData("query:api key={{secret:x}}", "parameter must be 1–256 characters")]
    [InlineData("basic:username=a", "`basic:` needs `password=`")]
    [InlineData("basic:username=a;passwrd={{secret:p}}", "`passwrd` is not a key of `basic:`")]
    [InlineData("basic:username=a;username=b;password={{secret:p}}", "`username` is given twice")]
    [InlineData("basic:{{secret:u}}:{{secret:p}}", "should start with a key and `=`")]
    [InlineData("basic:username=a:b;password={{secret:p}}", "contains ':'")]
    [InlineData("oauth2:token_url=https://a.example/t;client_id=c", "`oauth2:` needs `client_secret=`")]
    [InlineData("oauth2:token_url=http://a.example/t;client_id=c;client_secret=s", "token_url must use https")]
    [InlineData("oauth2:token_url=https://a.example/t;client_id=c;client_secret={{secret:s}}", "client_secret takes the name of a secret")]
    [InlineData("oauth2:token_url=https://a.example/t;client_id=c;client_secret=s;scope= ", "scope is empty")]
    public void Parse_BadSpec_IsRefusedWithWhatIsWrong(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => InjectSpecParser.Parse(spec, "--inject"));

        Assert.StartsWith("--inject: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.NotNull(error.Help);
    }
}
