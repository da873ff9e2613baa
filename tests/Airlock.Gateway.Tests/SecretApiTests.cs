using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class SecretApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Put_rotate_list_and_delete_never_return_the_value()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var first = Canary.New("first", output);
        var second = Canary.New("second", output);

        var created = await gateway.PostAsync("/v1/secrets", new { name = "github_token", value = first });
        Assert.Equal(1, created["version"]!.GetValue<int>());
        var rotated = await gateway.PostAsync("/v1/secrets/github_token/rotate", new { value = second }, expectedStatus: 200);
        Assert.Equal(2, rotated["version"]!.GetValue<int>());
        Assert.Equal(2, rotated["versions"]!.GetValue<int>());
        var list = await gateway.GetAsync("/v1/secrets");
        Assert.Equal("github_token", list[0]!["name"]!.GetValue<string>());

        var everything = created.ToJsonString() + rotated.ToJsonString() + list.ToJsonString();
        Assert.DoesNotContain(first, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(second, everything, StringComparison.Ordinal);
        Assert.Equal(second, System.Text.Encoding.UTF8.GetString(await gateway.Runtime.Vault.RevealAsync("github_token")));

        await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/secrets/github_token"), 204);
        Assert.Empty(await gateway.GetAsync("/v1/secrets") as System.Text.Json.Nodes.JsonArray ?? []);
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.DeleteAsync("/v1/secrets/github_token"), 404, "not_found");
    }

    [Fact]
    public async Task Refusals_are_precise_and_change_nothing()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/secrets", new { name = "api_key", value = Canary.New("a", output) });

        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "api_key", value = "x" }), 409, "conflict");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets/missing/rotate", new { value = "x" }), 404, "not_found");
        var badName = await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "bad name!", value = "x" }), 422, "validation");
        Assert.Equal("name", badName["errors"]![0]!["field"]!.GetValue<string>());
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "empty", value = "" }), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "big", value = new string('x', 64 * 1024 + 1) }), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "airlock:kek-check", value = "x" }), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/secrets", new { name = "x", value = "y", extra = 1 }), 400, "bad_request");
        using var notJson = new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsync("/v1/secrets", notJson), 400, "bad_request");

        var list = await gateway.GetAsync("/v1/secrets");
        Assert.Single(list.AsArray());
        Assert.Equal(1, list[0]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Internal_secrets_are_not_listed()
    {
        await using var gateway = await RunningGateway.StartAsync();

        var list = (await gateway.GetAsync("/v1/secrets")).ToJsonString();

        Assert.DoesNotContain("airlock:", list, StringComparison.Ordinal);
    }
}
