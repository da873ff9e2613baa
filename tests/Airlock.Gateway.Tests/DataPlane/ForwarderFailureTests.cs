using System.Net.Sockets;
using System.Net;
using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>Upstream failures become problem+json answers that never carry the credential.</summary>
public sealed class ForwarderFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Forward_UpstreamDown_Is502WithoutTheCredential()
    {
        var secret = Canary.New("down", output);
        var credential = new RenderedCredential([new CredentialField("X-Key", secret)], [new CredentialField("key", secret)]);
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("down", new Uri($"http://127.0.0.1:{ClosedPort()}/api")), credential)]);

        using var response = await gateway.Client.GetAsync("/down/a");

        var problem = await RunningGateway.ExpectProblemAsync(response, 502, "upstream_unreachable");
        Assert.DoesNotContain(secret, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ForwardError.ConnectFailed, Assert.Single(gateway.Results).Error);
    }

    [Fact]
    public async Task Forward_UpstreamSilentPastTheHeadersTimeout_Is504()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await LoopbackServer.StartAsync(async _ => await release.Task);
        await using var gateway = await ForwardingHarness.StartAsync(
            [(ForwardingHarness.Service("slow", upstream.Address), RenderedCredential.None)],
            responseHeadersTimeout: TimeSpan.FromMilliseconds(300));

        using var response = await gateway.Client.GetAsync("/slow/a");
        release.SetResult();

        await RunningGateway.ExpectProblemAsync(response, 504, "upstream_timeout");
        Assert.Equal(ForwardError.Timeout, Assert.Single(gateway.Results).Error);
    }

    [Fact]
    public async Task Forward_UpstreamSilentMidBody_AbortsTheAgentsConnection()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await LoopbackServer.StartAsync(async context =>
        {
            await context.Response.WriteAsync("data: one\n\n");
            await context.Response.Body.FlushAsync();
            await release.Task;
        });
        await using var gateway = await ForwardingHarness.StartAsync(
            [(ForwardingHarness.Service("slow", upstream.Address), RenderedCredential.None)],
            bodyIdleTimeout: TimeSpan.FromMilliseconds(300));

        using var response = await gateway.Client.GetAsync("/slow/a", HttpCompletionOption.ResponseHeadersRead);
        var read = response.Content.ReadAsStringAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => read.WaitAsync(TimeSpan.FromSeconds(15)));
        release.SetResult();
        // The agent sees the abort as soon as it happens; the forwarder's result is recorded just after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (gateway.Results.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(ForwardError.ResponseBodyFailed, Assert.Single(gateway.Results).Error);
    }

    [Fact]
    public async Task Forward_EncodedResponseWhenScanning_Is502()
    {
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 0, 0 }).AsTask();
        });
        await using var gateway = await ForwardingHarness.StartAsync(
            [(ForwardingHarness.Service("gz", upstream.Address), RenderedCredential.None)],
            wrapResponseBody: inner => inner);

        using var response = await gateway.Client.GetAsync("/gz/a");

        await RunningGateway.ExpectProblemAsync(response, 502, "upstream_encoded_response");
    }

    [Fact]
    public async Task Forward_UpstreamErrorStatus_IsRelayedAsIs()
    {
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("busy");
        });
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("up", upstream.Address), RenderedCredential.None)]);

        using var response = await gateway.Client.GetAsync("/up/a");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("busy", await response.Content.ReadAsStringAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
