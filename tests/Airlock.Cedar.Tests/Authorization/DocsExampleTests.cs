using Airlock.Cedar.Schemas;
using Airlock.Cedar.Tests.Support;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Authorization;

public class DocsExampleTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "examples", name));

    [Theory]
    [InlineData("read", 10, Decision.Allow)]
    [InlineData("write", 10, Decision.Deny)]
    [InlineData("write", 23, Decision.Deny)]
    public void DocsExample_DecidesAsTheReadmeSays(string action, int hour, Decision expected)
    {
        var schema = Schema.Parse(Example("schema.cedarschema"), "schema.cedarschema");
        var policies = PolicySet.Parse(Example("policies.cedar"), "policies.cedar");
        var entities = Entities.FromJson(Example("entities.json"), schema);
        var actionUid = new EntityUid("Airlock::Action", action);
        var context = Request.ParseContext($$"""{"hour": {{hour}}}""", schema, actionUid);
        var request = new Request(new EntityUid("Airlock::Agent", "triage-bot"), actionUid, new EntityUid("Airlock::Operation", "github/issues.list"), context);
        var response = Authorizer.IsAuthorized(request, policies, entities);
        Assert.Equal(expected, response.Decision);
        Assert.Empty(response.Errors);
    }
}
