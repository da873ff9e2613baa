using System.Net.Http.Headers;
using System.Text;
using Airlock.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.DataPlane;

/// <summary>
/// Through the real pipeline, an upstream that streams the injected key back, split between two chunks or two SSE
/// events at every byte offset, in every form: the agent receives the stream with the key replaced and nothing else
/// changed.
/// </summary>
public sealed class StreamedRedactionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Policies = """
        permit (principal, action, resource in Airlock::Service::"echo");
        """;

    private string _key = null!;
    private string _policyDirectory = null!;
    private LoopbackServer _upstream = null!;
    private RunningGateway _gateway = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _key = Canary.New("stream_key", output);
        _upstream = await LoopbackServer.StartAsync(async context =>
        {
            // The key as the upstream received it, in the requested form, split where asked.
            var received = context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
            var form = Form(received, context.Request.Query["form"]!);
            var split = int.Parse(context.Request.Query["split"]!, System.Globalization.CultureInfo.InvariantCulture);
            var sse = context.Request.Query["sse"] == "1";
            context.Response.ContentType = sse ? "text/event-stream" : "text/plain";
            context.Response.Headers["X-Echo-Key"] = form;
            var (first, second) = sse
                ? ($"data: {{\"text\":\"{form[..split]}", $"{form[split..]}\"}}\n\n")
                : ($"begin {form[..split]}", $"{form[split..]} end");
            await context.Response.StartAsync();
            await context.Response.WriteAsync(first);
            await context.Response.Body.FlushAsync();
            // A pause, so the two parts reach Airlock as two reads rather than one.
            await Task.Delay(5);
            await context.Response.WriteAsync(second);
        });
        _policyDirectory = Directory.CreateTempSubdirectory("airlock-stream-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_policyDirectory, "echo.cedar"), Policies);
        _gateway = await RunningGateway.StartAsync(policies: _policyDirectory);
        await _gateway.PostAsync("/v1/secrets", new { name = "stream_key", value = _key });
        await _gateway.PostAsync("/v1/services", new
        {
            name = "echo",
            url = _upstream.Address.ToString(),
            credential = new { kind = "header", header = "Authorization", template = "Bearer {{secret:stream_key}}" },
        });
        (_token, _) = await _gateway.StartSessionAsync(user: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_policyDirectory, recursive: true);
    }

    [Theory]
    [InlineData("raw", false)]
    [InlineData("raw", true)]
    [InlineData("base64", false)]
    [InlineData("base64", true)]
    [InlineData("hex", true)]
    public async Task The_key_split_at_every_byte_offset_is_redacted_and_the_rest_arrives_unchanged(string form, bool sse)
    {
        var length = Form(_key, form).Length;
        for (var split = 0; split <= length; split++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/echo/stream?form={form}&split={split}&sse={(sse ? 1 : 0)}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _gateway.Data.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(200, (int)response.StatusCode);
            // Base64's last character mixes the key's final bits with padding; docs/leaks.md keeps it (at most 4 bits).
            var tail = form == "base64" ? BoundaryOf(Form(_key, form)) : string.Empty;
            var expected = sse ? $"data: {{\"text\":\"[REDACTED:stream_key]{tail}\"}}\n\n" : $"begin [REDACTED:stream_key]{tail} end";
            Assert.True(expected == body, $"split at {split} of the {form} form: got {Describe(body)}");
            Assert.Equal($"[REDACTED:stream_key]{tail}", response.Headers.GetValues("X-Echo-Key").Single());
        }
    }

    private static string Form(string value, string form) => form switch
    {
        "raw" => value,
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)),
        "hex" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    // The trailing characters of a standalone base64 value that do not depend on the value's bytes alone.
    private static string BoundaryOf(string base64)
    {
        var padding = base64.Length - base64.TrimEnd('=').Length;
        return padding == 0 ? string.Empty : base64[^(padding + 1)..];
    }

    // A failure message must not print the key itself.
    private string Describe(string body) => body.Contains(_key, StringComparison.Ordinal) || body.Contains(Form(_key, "base64"), StringComparison.Ordinal)
        ? "a body that still holds the key"
        : body;
}
