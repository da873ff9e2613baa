using System.Net;
using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Services;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>Bodies stream in both directions; nothing waits for a whole body before passing it on.</summary>
public sealed class ForwarderStreamingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Forward_LargeUpload_ReachesTheUpstreamBeforeTheClientFinishesSending()
    {
        var bodyStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var echo = await LoopbackServer.StartAsync(Upstreams.Echo(bodyStarted));
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("echo", echo.Address), RenderedCredential.None)]);
        var seed = Random.Shared.Next();
        output.WriteLine($"body seed: {seed}");
        var body = new byte[10 * 1024 * 1024];
        new Random(seed).NextBytes(body);

        // The client sends 1 MiB, then waits until the upstream has bytes in hand before sending the other 9 MiB.
        // A forwarder that buffered the request would never deliver them, and the wait would time out.
        using var content = new GatedContent(body, firstPart: 1024 * 1024, gate: bodyStarted.Task, Patience);
        using var response = await gateway.Client.PostAsync("/echo/upload", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await RunningGateway.ExpectAsync(response, 200);
        Assert.Equal(body.Length, received["bodyLength"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), received["bodySha256"]!.GetValue<string>());
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), received["headers"]!["content-length"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forward_ChunkedUpload_IsForwardedChunked()
    {
        await using var echo = await LoopbackServer.StartAsync(Upstreams.Echo());
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("echo", echo.Address), RenderedCredential.None)]);
        var body = Encoding.ASCII.GetBytes(new string('x', 100_000));

        using var content = new GatedContent(body, firstPart: 10, gate: Task.CompletedTask, Patience, knownLength: false);
        using var response = await gateway.Client.PutAsync("/echo/upload", content);

        var received = await RunningGateway.ExpectAsync(response, 200);
        Assert.Equal(body.Length, received["bodyLength"]!.GetValue<long>());
        Assert.Equal("chunked", received["headers"]!["transfer-encoding"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forward_ServerSentEvents_ArriveOneByOne()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: one\n\n");
            await context.Response.Body.FlushAsync();
            // The second event is only written once the client has read the first through the gateway.
            await release.Task.WaitAsync(Patience);
            await context.Response.WriteAsync("data: two\n\n");
        });
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("llm-demo", upstream.Address), RenderedCredential.None)]);

        using var response = await gateway.Client.GetAsync("/llm-demo/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: one", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal(string.Empty, await reader.ReadLineAsync().WaitAsync(Patience));
        release.SetResult();
        Assert.Equal("data: two", await reader.ReadLineAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Forward_WrappedResponseBody_PassesThroughTheWrapperWhichIsDisposedAtTheEnd()
    {
        await using var upstream = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("hello"));
        await using var gateway = await ForwardingHarness.StartAsync(
            [(ForwardingHarness.Service("up", upstream.Address), RenderedCredential.None)],
            wrapResponseBody: inner => new UppercaseStream(inner));

        using var response = await gateway.Client.GetAsync("/up/a", HttpCompletionOption.ResponseHeadersRead);

        // The wrapper may change the length, so the upstream's Content-Length is not relayed.
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("HELLO[end]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forward_UpstreamRedirect_IsPassedBackAndNeverFollowed()
    {
        await using var landing = await LoopbackServer.StartAsync(Upstreams.Echo());
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(landing.Address, "/landing?from=upstream").ToString();
            return Task.CompletedTask;
        });
        await using var gateway = await ForwardingHarness.StartAsync([(ForwardingHarness.Service("up", upstream.Address), RenderedCredential.None)]);

        using var response = await gateway.Client.PostAsync("/up/a", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(landing.Address, "/landing?from=upstream"), response.Headers.Location);
        Assert.Equal(0, landing.RequestCount);
        Assert.All(gateway.Connects, c => Assert.Equal(upstream.Address.Port, c.Port));
    }

    /// <summary>Sends <c>firstPart</c> bytes, waits for <c>gate</c>, then sends the rest.</summary>
    private sealed class GatedContent(byte[] body, int firstPart, Task gate, TimeSpan patience, bool knownLength = true) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, firstPart));
            await stream.FlushAsync();
            await gate.WaitAsync(patience);
            for (var at = firstPart; at < body.Length; at += 64 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(at, Math.Min(64 * 1024, body.Length - at)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return knownLength;
        }
    }

    /// <summary>Stands in for the redactor: transforms what passes and writes a marker when disposed.</summary>
    private sealed class UppercaseStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await inner.WriteAsync(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(buffer.Span).ToUpperInvariant()), cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await inner.WriteAsync("[end]"u8.ToArray());
            await base.DisposeAsync();
        }

        public override void Flush() => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
