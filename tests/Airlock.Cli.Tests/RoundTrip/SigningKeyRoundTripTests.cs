using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class SigningKeyRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task List_and_rotate()
    {
        var before = await gateway.RunAsync("signing-key", "list", "-o", "json");
        Assert.True(before.ExitCode == 0, before.ToString());
        var keys = JsonNode.Parse(before.Stdout)!.AsArray();
        Assert.Single(keys, k => (bool?)k!["active"] == true);

        var rotate = await gateway.RunAsync("signing-key", "rotate", "-o", "json");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var kid = (string)JsonNode.Parse(rotate.Stdout)!["kid"]!;
        Assert.Equal("ES256", (string?)JsonNode.Parse(rotate.Stdout)!["alg"]);

        var after = await gateway.RunAsync("signing-key", "list");
        Assert.StartsWith("KID", after.Stdout);
        var activeLines = after.Stdout.Split('\n').Where(l => l.Contains(" yes ", StringComparison.Ordinal)).ToList();
        Assert.Single(activeLines);
        Assert.StartsWith(kid, activeLines[0]);
        Assert.Equal(keys.Count + 1, after.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
