using System.Net;
using Airlock.Core.Services;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>
/// A service registered by host name: Airlock connects to the addresses it checked, and refuses a name whose answers
/// move to another scope (public, private, loopback) or lead to link-local, multicast or unspecified addresses.
/// </summary>
public sealed class DnsRebindingTests : IAsyncLifetime
{
    private const string Host = "api.rebind.test";

    private readonly List<string> _lookups = [];
    private IPAddress[] _answer = [IPAddress.Loopback];
    private LoopbackServer _upstream = null!;
    private ForwardingHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        // Each answer closes the connection, so every request needs a new one and a new lookup.
        _upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.Connection = "close";
            return context.Response.WriteAsync("reached");
        });
        var service = ForwardingHarness.Service("api", new Uri($"http://{Host}:{_upstream.Address.Port}/"));
        _harness = await ForwardingHarness.StartAsync(
            [(service, RenderedCredential.None)],
            resolveHost: (host, _) =>
            {
                lock (_lookups)
                {
                    _lookups.Add(host);
                }

                return Task.FromResult(_answer);
            });
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task A_name_keeps_working_while_its_answers_stay_in_one_scope()
    {
        Assert.Equal("reached", await _harness.Client.GetStringAsync("/api/one"));
        _answer = [IPAddress.Parse("127.0.0.2"), IPAddress.Loopback];
        Assert.Equal("reached", await _harness.Client.GetStringAsync("/api/two"));

        Assert.Equal([Host, Host], _lookups);
        Assert.Equal(2, _upstream.RequestCount);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.1")]
    [InlineData("93.184.216.34")]
    public async Task An_answer_that_moves_to_another_scope_is_refused(string rebound)
    {
        Assert.Equal("reached", await _harness.Client.GetStringAsync("/api/one"));
        _answer = [IPAddress.Parse(rebound)];

        using var response = await _harness.Client.GetAsync("/api/two");

        await RunningGateway.ExpectProblemAsync(response, 502, "upstream_unreachable");
        Assert.Equal(1, _upstream.RequestCount);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public async Task A_name_leading_to_link_local_multicast_or_unspecified_is_refused_from_the_first_lookup(string address)
    {
        _answer = [IPAddress.Parse(address)];

        using var response = await _harness.Client.GetAsync("/api/metadata");

        await RunningGateway.ExpectProblemAsync(response, 502, "upstream_unreachable");
        Assert.Equal(0, _upstream.RequestCount);
    }

    [Fact]
    public async Task An_answer_mixing_scopes_is_refused()
    {
        _answer = [IPAddress.Loopback, IPAddress.Parse("10.1.2.3")];

        using var response = await _harness.Client.GetAsync("/api/x");

        await RunningGateway.ExpectProblemAsync(response, 502, "upstream_unreachable");
        Assert.Equal(0, _upstream.RequestCount);
    }
}
