using Airlock.Cli.Input;
using Airlock.Core;

namespace Airlock.Cli.Tests;

public class AdminNamesTests
{
    [Theory]
    [InlineData("github_token")]
    [InlineData("a")]
    [InlineData("_x")]
    [InlineData("x y")]
    [InlineData("airlock:signing")]
    [InlineData("")]
    [InlineData("é")]
    public void Secret_AgreesWithTheGateway(string name) =>
        Assert.Equal(Names.IsValidSecretName(name) && !Names.IsInternalSecretName(name), Accepts(() => AdminNames.Secret(name, "NAME")));

    [Theory]
    [InlineData("github")]
    [InlineData("llm")]
    [InlineData("mcp")]
    [InlineData("Github")]
    [InlineData("1github")]
    [InlineData("git-hub2")]
    [InlineData("_x")]
    public void Service_AgreesWithTheGateway(string name) =>
        Assert.Equal(Names.IsValidServiceName(name), Accepts(() => AdminNames.Service(name, "NAME")));

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("triage-bot")]
    [InlineData("@alice")]
    [InlineData("a/b")]
    public void Identity_AgreesWithTheGateway(string name) =>
        Assert.Equal(Names.IsValidIdentifier(name), Accepts(() => AdminNames.Identity(name, "ID", "agent id")));

    [Fact]
    public void Secret_BadCharacter_SaysWhere()
    {
        var error = Assert.Throws<UsageException>(() => AdminNames.Secret("gh token", "NAME"));

        Assert.Equal("NAME: `gh token` is not a valid secret name: ` ` (position 3) is not allowed", error.Message);
    }

    private static bool Accepts(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }
}
