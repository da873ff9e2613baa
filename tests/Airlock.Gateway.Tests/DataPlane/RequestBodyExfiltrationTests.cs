using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>
/// A request body carrying a held secret never reaches the upstream: small bodies are refused before the decision,
/// large streamed ones are cut before the secret's first byte is sent.
/// </summary>
public sealed class RequestBodyExfiltrationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Policies = """
        @id("bots-use-echo")
        permit (principal, action, resource in Airlock::Service::"echo");
        """;

    private readonly List<byte[]> _bodies = [];
    private string _key = null!;
    private string _policyDirectory = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _key = Canary.New("body_key", output);
        _upstream = await LoopbackServer.StartAsync(async context =>
        {
            // Records whatever part of the body arrived, even when the sender aborts midway.
            using var received = new MemoryStream();
            try
            {
                await context.Request.Body.CopyToAsync(received);
            }
            catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
            {
            }

            lock (_bodies)
            {
                _bodies.Add(received.ToArray());
            }

            await context.Response.WriteAsync($"received {received.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(received.ToArray()))}");
        });
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-body-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "echo.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/secrets", new { name = "body_key", value = _key });
        await _gateway.PostAsync("/v1/services", new { name = "echo", url = _upstream.Address.ToString() });
        (_token, _) = await _gateway.StartSessionAsync(user: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    public static TheoryData<string> Encodings => ["raw", "base64", "base64-inside-a-blob", "hex"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_small_body_carrying_a_held_secret_is_refused_before_the_decision(string encoding)
    {
        var body = $"{{\"note\":\"{Encode(_key, encoding)}\"}}";

        using var response = await PostAsync(new StringContent(body, Encoding.UTF8, "application/json"));

        await RunningGateway.ExpectProblemAsync(response, 403, "exfiltration");
        Assert.Equal(0, _upstream.RequestCount);
        var record = Assert.Single(await AuditRecordsAsync());
        Assert.Equal("deny", record["decision"]!.GetValue<string>());
        Assert.Contains("exfiltration:body_key", record["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(65_536 - 20, true)]
    [InlineData(1_500_000, false)]
    [InlineData(3_000_000, true)]
    public async Task A_large_streamed_body_is_cut_before_any_byte_of_the_secret_reaches_the_upstream(int offset, bool chunked)
    {
        var payload = Filler(offset + 500_000);
        Encoding.ASCII.GetBytes(_key).CopyTo(payload, offset);

        using var response = await PostAsync(Content(payload, chunked));

        await RunningGateway.ExpectProblemAsync(response, 403, "exfiltration");
        byte[][] received;
        lock (_bodies)
        {
            received = [.. _bodies];
        }

        foreach (var body in received)
        {
            Assert.True(body.Length <= offset, $"the upstream received {body.Length} bytes; the secret starts at {offset}");
        }

        var records = await AuditRecordsAsync();
        var outcome = records.SingleOrDefault(r => r["kind"]!.GetValue<string>() == "outcome");
        if (outcome is not null)
        {
            Assert.Contains("exfiltration:body_key", outcome["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        }
        else
        {
            Assert.Contains("exfiltration:body_key", Assert.Single(records)["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        }
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(65_536, true)]
    [InlineData(65_537, false)]
    [InlineData(2_000_000, true)]
    public async Task A_clean_body_of_any_size_reaches_the_upstream_unchanged(int length, bool chunked)
    {
        var payload = Filler(length);

        using var response = await PostAsync(Content(payload, chunked));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"received {length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(payload))}", text);
    }

    [Fact]
    public async Task Policy_sees_the_body_length()
    {
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "size.cedar"), """
            @id("small-posts-only")
            @reason("posts are limited to 1000 bytes")
            forbid (principal, action, resource) when { context.request.body_bytes > 1000 };
            """);
        await WaitForPolicyAsync("small-posts-only");

        using var small = await PostAsync(Content(Filler(1000), chunked: true));
        using var large = await PostAsync(Content(Filler(1001), chunked: true));

        Assert.Equal(200, (int)small.StatusCode);
        await RunningGateway.ExpectProblemAsync(large, 403, "denied");
    }

    private static byte[] Filler(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    private static HttpContent Content(byte[] payload, bool chunked)
    {
        if (!chunked)
        {
            return new ByteArrayContent(payload);
        }

        // A stream of unknown length goes out chunked.
        var content = new StreamContent(new NonSeekableStream(payload));
        content.Headers.ContentLength = null;
        return content;
    }

    private static string Encode(string value, string encoding) => encoding switch
    {
        "raw" => value,
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)),
        "hex" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)),
        "base64-inside-a-blob" => Convert.ToBase64String([.. "{\"k\":\""u8, .. Encoding.UTF8.GetBytes(value), .. "\"}"u8]),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private async Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo/upload") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _gateway.Data.SendAsync(request);
    }

    private Task<List<System.Text.Json.Nodes.JsonNode>> AuditRecordsAsync() => _gateway.AuditRecordsAsync();

    private async Task WaitForPolicyAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await _gateway.Admin.GetStringAsync("/v1/policies")).Contains(id, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"policy {id} was not loaded");
            await Task.Delay(50);
        }
    }

    private sealed class NonSeekableStream(byte[] payload) : MemoryStream(payload, writable: false)
    {
        public override bool CanSeek => false;
    }
}
