using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// A local LLM provider speaking OpenAI's chat completions, responses, embeddings and models APIs and Anthropic's
/// messages API, plain and streamed, with usage. It answers with <see cref="Reply"/> split into <see cref="Pieces"/>
/// deltas, or, when the last message says "echo your key", with the key it received, to test redaction. Every request
/// is kept in <see cref="Received"/>.
/// </summary>
internal sealed class FakeLlmProvider : IAsyncDisposable
{
    public const long InputTokens = 17;

    private readonly List<ReceivedCall> _received = [];
    private LoopbackServer _server = null!;

    public string Reply { get; set; } = "The answer is forty-two.";

    public int Pieces { get; set; } = 5;

    /// <summary>When set, a stream stops after this many deltas by closing the connection, before any usage is sent.</summary>
    public int? DisconnectAfter { get; set; }

    public Uri Address => _server.Address;

    public IReadOnlyList<ReceivedCall> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeLlmProvider> StartAsync()
    {
        var provider = new FakeLlmProvider();
        provider._server = await LoopbackServer.StartAsync(provider.HandleAsync);
        return provider;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Headers.Authorization.ToString() is { Length: > 7 } bearer ? bearer[7..] : context.Request.Headers["x-api-key"].ToString();
        JsonObject? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = (JsonObject?)await JsonNode.ParseAsync(context.Request.Body);
        }

        lock (_received)
        {
            _received.Add(new ReceivedCall(context.Request.Method, context.Request.Path, key, body?.ToJsonString(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        }

        var text = (body?["messages"] as JsonArray)?.LastOrDefault()?["content"]?.ToString() is { } last && last.Contains("echo your key", StringComparison.Ordinal)
            ? $"Sure, my key is {key} as requested."
            : Reply;
        var stream = body?["stream"]?.GetValue<bool>() == true;
        switch (context.Request.Path.Value)
        {
            case "/v1/chat/completions" when stream:
                await StreamChatAsync(context, text, body!);
                break;
            case "/v1/chat/completions":
                await context.Response.WriteAsJsonAsync(new
                {
                    id = "chatcmpl-1", @object = "chat.completion", model = body!["model"]!.ToString(),
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = InputTokens, completion_tokens = Pieces, total_tokens = InputTokens + Pieces },
                });
                break;
            case "/v1/embeddings":
                await context.Response.WriteAsJsonAsync(new
                {
                    @object = "list", model = body!["model"]!.ToString(),
                    data = new[] { new { @object = "embedding", index = 0, embedding = new[] { 0.1, 0.2 } } },
                    usage = new { prompt_tokens = InputTokens, total_tokens = InputTokens },
                });
                break;
            case "/v1/models":
                await context.Response.WriteAsJsonAsync(new { @object = "list", data = new[] { new { id = "gpt-test", @object = "model", owned_by = "fake" } } });
                break;
            case "/v1/messages" when stream:
                await StreamMessagesAsync(context, text, body!);
                break;
            case "/v1/messages":
                await context.Response.WriteAsJsonAsync(new
                {
                    id = "msg_1", type = "message", role = "assistant", model = body!["model"]!.ToString(),
                    content = new[] { new { type = "text", text } }, stop_reason = "end_turn", stop_sequence = (string?)null,
                    usage = new { input_tokens = InputTokens, output_tokens = Pieces },
                });
                break;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "no such endpoint", type = "invalid_request_error" } });
                break;
        }
    }

    private async Task StreamChatAsync(HttpContext context, string text, JsonObject body)
    {
        var includeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        context.Response.ContentType = "text/event-stream";
        var model = body["model"]!.ToString();
        var sent = 0;
        foreach (var piece in Split(text))
        {
            if (sent++ == DisconnectAfter)
            {
                // Let what was sent reach the client first: an abort drops output still queued in the server.
                await Task.Delay(200);
                context.Abort();
                return;
            }

            await SendAsync(context, null, new { id = "chatcmpl-1", @object = "chat.completion.chunk", model, choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } } });
        }

        await SendAsync(context, null, new { id = "chatcmpl-1", @object = "chat.completion.chunk", model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } });
        if (includeUsage)
        {
            await SendAsync(context, null, new { id = "chatcmpl-1", @object = "chat.completion.chunk", model, choices = Array.Empty<object>(), usage = new { prompt_tokens = InputTokens, completion_tokens = Pieces, total_tokens = InputTokens + Pieces } });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task StreamMessagesAsync(HttpContext context, string text, JsonObject body)
    {
        context.Response.ContentType = "text/event-stream";
        var model = body["model"]!.ToString();
        await SendAsync(context, "message_start", new
        {
            type = "message_start",
            message = new { id = "msg_1", type = "message", role = "assistant", model, content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = InputTokens, output_tokens = 1 } },
        });
        await SendAsync(context, "content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = string.Empty } });
        var sent = 0;
        foreach (var piece in Split(text))
        {
            if (sent++ == DisconnectAfter)
            {
                // Let what was sent reach the client first: an abort drops output still queued in the server.
                await Task.Delay(200);
                context.Abort();
                return;
            }

            await SendAsync(context, "content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } });
        }

        await SendAsync(context, "content_block_stop", new { type = "content_block_stop", index = 0 });
        await SendAsync(context, "message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = Pieces } });
        await SendAsync(context, "message_stop", new { type = "message_stop" });
    }

    private IEnumerable<string> Split(string text)
    {
        var size = (int)Math.Ceiling(text.Length / (double)Pieces);
        return text.Chunk(Math.Max(size, 1)).Select(c => new string(c));
    }

    private static async Task SendAsync(HttpContext context, string? eventName, object data)
    {
        var prefix = eventName is null ? string.Empty : $"event: {eventName}\n";
        await context.Response.WriteAsync($"{prefix}data: {JsonSerializer.Serialize(data)}\n\n");
        await context.Response.Body.FlushAsync();
    }

    internal sealed record ReceivedCall(string Method, string Path, string Key, string? Body, IReadOnlyDictionary<string, string> Headers);
}
