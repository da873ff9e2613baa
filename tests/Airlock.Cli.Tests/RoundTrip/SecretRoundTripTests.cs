using System.Text.Json.Nodes;
using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class SecretRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Put_rotate_list_delete_through_stdin()
    {
        var put = await gateway.RunWithAsync(gateway.Canary("secret-v1") + "\n", null, "secret", "put", "rt_secret");
        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.Equal("stored secret `rt_secret`: version 1 of 1\n", put.Stdout);

        var again = await gateway.RunWithAsync(gateway.Canary("secret-again"), null, "secret", "put", "rt_secret");
        Assert.True(again.ExitCode == 6, again.ToString());
        Assert.Contains("airlock secret rotate NAME", again.Stderr);

        var rotate = await gateway.RunWithAsync(gateway.Canary("secret-v2"), null, "secret", "rotate", "rt_secret", "--output", "json");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var summary = JsonNode.Parse(rotate.Stdout)!;
        Assert.Equal("rt_secret", (string?)summary["name"]);
        Assert.Equal(2, (int?)summary["version"]);
        Assert.Equal(2, (int?)summary["versions"]);
        Assert.Equal(["name", "version", "versions", "created", "updated"], summary.AsObject().Select(p => p.Key));

        var list = await gateway.RunAsync("secret", "list", "-o", "json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(JsonNode.Parse(list.Stdout)!.AsArray(), s => (string?)s!["name"] == "rt_secret" && (int?)s["version"] == 2);
        var table = await gateway.RunAsync("secret", "list");
        Assert.StartsWith("NAME", table.Stdout);
        Assert.Contains("rt_secret", table.Stdout);
        Assert.DoesNotContain("airlock:", table.Stdout);

        var delete = await gateway.RunAsync("secret", "delete", "rt_secret");
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal("deleted secret `rt_secret`\n", delete.Stdout);

        var gone = await gateway.RunAsync("secret", "delete", "rt_secret");
        Assert.True(gone.ExitCode == 5, gone.ToString());
        Assert.StartsWith("error: ", gone.Stderr);
        Assert.Contains("airlock secret list", gone.Stderr);

        var rotateGone = await gateway.RunWithAsync(gateway.Canary("secret-v3"), null, "secret", "rotate", "rt_secret");
        Assert.True(rotateGone.ExitCode == 5, rotateGone.ToString());
        Assert.Contains("airlock secret put NAME", rotateGone.Stderr);
    }

    [Fact]
    public async Task Put_from_file()
    {
        gateway.Directory.Write("value.txt", gateway.Canary("from-file") + "\n");

        var put = await gateway.RunWithAsync(null, null, "secret", "put", "rt_file", "--from-file", Path.Combine(gateway.Directory.Path, "value.txt"));

        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.Contains("version 1", put.Stdout);
    }
}
