using System.Net.Http.Headers;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

/// <summary>Security invariant 6: the admin plane is unreachable with an agent token, and vice versa.</summary>
public sealed class PlaneSeparationTests
{
    [Fact]
    public async Task Admin_plane_refuses_a_valid_session_token()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync();
        using var client = new HttpClient { BaseAddress = gateway.Server.AdminAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var problem = await RunningGateway.ExpectProblemAsync(await client.GetAsync("/v1/agents"), 401, "unauthenticated");
        Assert.Contains("session tokens are not accepted on the admin plane", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_plane_refuses_the_root_admin_token()
    {
        await using var gateway = await RunningGateway.StartAsync();

        var problem = await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(gateway.RootToken), 401, "unauthenticated");
        Assert.Contains("admin tokens are not accepted on the data plane", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_routes_do_not_exist_on_the_data_plane()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/agents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await RunningGateway.ExpectProblemAsync(await gateway.Data.SendAsync(request), 404, "no_route");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer ")]
    [InlineData("Bearer airlock_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer not-a-token")]
    public async Task Admin_plane_refuses_requests_without_a_live_admin_token(string? authorization)
    {
        await using var gateway = await RunningGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.Server.AdminAddress };
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        await RunningGateway.ExpectProblemAsync(await client.GetAsync("/v1/secrets"), 401, "unauthenticated");
    }

    [Theory]
    [InlineData("/v1/nosuch")]
    [InlineData("/v1/openapi.json")]
    public async Task An_unknown_admin_route_is_a_problem_even_when_it_looks_like_a_file(string path)
    {
        await using var gateway = await RunningGateway.StartAsync();

        await RunningGateway.ExpectProblemAsync(await gateway.Admin.GetAsync(path), 404, "not_found");
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        await using var gateway = await RunningGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.Server.AdminAddress };

        var health = await RunningGateway.ExpectAsync(await client.GetAsync("/v1/health"), 200);
        Assert.Equal("ok", health["status"]!.GetValue<string>());
    }
}
