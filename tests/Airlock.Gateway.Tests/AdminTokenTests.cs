using System.Net.Http.Headers;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class AdminTokenTests
{
    [Fact]
    public async Task A_named_token_works_until_it_is_revoked_and_then_at_once_not()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var created = await gateway.PostAsync("/v1/admin-tokens", new { name = "ci", ttl_seconds = 3600 });
        var text = created["token"]!.GetValue<string>();
        Assert.StartsWith("airlock_admin_", text, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = gateway.Server.AdminAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        await RunningGateway.ExpectAsync(await client.GetAsync("/v1/agents"), 200);

        await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/admin-tokens/ci"), 204);

        await RunningGateway.ExpectProblemAsync(await client.GetAsync("/v1/agents"), 401, "unauthenticated");
    }

    [Fact]
    public async Task A_named_token_stops_working_when_it_expires()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var created = await gateway.PostAsync("/v1/admin-tokens", new { name = "short", ttl_seconds = 60 });
        using var client = new HttpClient { BaseAddress = gateway.Server.AdminAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created["token"]!.GetValue<string>());
        await RunningGateway.ExpectAsync(await client.GetAsync("/v1/agents"), 200);

        gateway.Time.Advance(TimeSpan.FromSeconds(61));

        await RunningGateway.ExpectProblemAsync(await client.GetAsync("/v1/agents"), 401, "unauthenticated");
    }

    [Fact]
    public async Task Token_list_shows_no_token_text_and_the_root_token_cannot_be_revoked()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var created = await gateway.PostAsync("/v1/admin-tokens", new { name = "ops", ttl_seconds = 600 });

        var list = (await gateway.GetAsync("/v1/admin-tokens")).ToJsonString();
        Assert.DoesNotContain(created["token"]!.GetValue<string>(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.RootToken, list, StringComparison.Ordinal);
        Assert.Contains("\"root\":true", list, StringComparison.Ordinal);

        await RunningGateway.ExpectProblemAsync(await gateway.Admin.DeleteAsync("/v1/admin-tokens/root"), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.DeleteAsync("/v1/admin-tokens/nope"), 404, "not_found");
    }

    [Fact]
    public async Task Bad_token_requests_are_refused_precisely()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/admin-tokens", new { name = "x", ttl_seconds = 0 }), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/admin-tokens", new { name = "bad name", ttl_seconds = 60 }), 422, "validation");
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/admin-tokens", new { name = "x" }), 400, "bad_request");
        await gateway.PostAsync("/v1/admin-tokens", new { name = "dup", ttl_seconds = 60 });
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/admin-tokens", new { name = "dup", ttl_seconds = 60 }), 409, "conflict");
    }
}
