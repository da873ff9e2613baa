using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Airlock.Core.Llm;

/// <summary>
/// Watches an LLM response as it is relayed and reports the tokens the call used: the provider's own usage when it
/// reported any (the JSON body's <c>usage</c>; in a stream, the final chunk's usage, <c>response.completed</c>, or
/// Anthropic's <c>message_start</c> and <c>message_delta</c>), otherwise an estimate: a quarter of the request body's
/// bytes for input and a quarter of the streamed text's bytes for output, rounded up. A stream that ends early is
/// charged for what was streamed.
/// </summary>
public sealed class LlmUsageMeter
{
    private const int MaxJsonBodyBytes = 4 * 1024 * 1024;

    private readonly LlmEndpoint _endpoint;
    private readonly long _requestBytes;
    private readonly SseEventSplitter? _events;
    private readonly ArrayBufferWriter<byte>? _json;
    private long? _input;
    private long? _output;
    private bool _outputFinal;
    private long _textBytes;
    private long _bodyBytes;

    public LlmUsageMeter(LlmEndpoint endpoint, long requestBytes, bool eventStream)
    {
        _endpoint = endpoint;
        _requestBytes = requestBytes;
        if (eventStream)
        {
            _events = new SseEventSplitter(OnEvent);
        }
        else
        {
            _json = new ArrayBufferWriter<byte>();
        }
    }

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        _bodyBytes += chunk.Length;
        _events?.Append(chunk);
        if (_json is not null && _json.WrittenCount + chunk.Length <= MaxJsonBodyBytes)
        {
            _json.Write(chunk);
        }
    }

    /// <summary>The usage so far: the whole call's once the response ended, what was streamed if it broke off.</summary>
    public LlmUsage Usage()
    {
        if (_json is not null && _input is null)
        {
            ReadJsonBody();
        }

        var estimated = _input is null || (!_outputFinal && _endpoint is not (LlmEndpoint.Embeddings or LlmEndpoint.Models));
        var input = _input ?? Quarter(_requestBytes);
        var streamed = _endpoint is LlmEndpoint.Embeddings or LlmEndpoint.Models ? 0 : Quarter(_events is null ? _bodyBytes : _textBytes);
        // A count the provider gave before the end (Anthropic's message_start) is a floor, not the total.
        var output = _outputFinal ? _output!.Value : Math.Max(_output ?? 0, streamed);
        return new LlmUsage(input, output, estimated);
    }

    private static long Quarter(long bytes) => (bytes + 3) / 4;

    private void ReadJsonBody()
    {
        try
        {
            using var document = JsonDocument.Parse(_json!.WrittenMemory);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("usage", out var usage))
            {
                ReadUsage(usage);
            }
        }
        catch (JsonException)
        {
            // An unreadable or truncated body: the estimate stands.
        }
    }

    private void OnEvent(string? name, string data)
    {
        if (data == "[DONE]")
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : name;
            switch (_endpoint)
            {
                case LlmEndpoint.ChatCompletions:
                    OnChatChunk(root);
                    break;
                case LlmEndpoint.Responses:
                    OnResponsesEvent(type, root);
                    break;
                case LlmEndpoint.Messages:
                    OnMessagesEvent(type, root);
                    break;
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to count in it.
        }
    }

    private void OnChatChunk(JsonElement chunk)
    {
        if (chunk.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            ReadUsage(usage);
        }

        if (chunk.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
                {
                    CountText(delta, "content");
                    CountText(delta, "reasoning_content");
                    if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var call in calls.EnumerateArray())
                        {
                            if (call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
                            {
                                CountText(function, "arguments");
                            }
                        }
                    }
                }
            }
        }
    }

    private void OnResponsesEvent(string? type, JsonElement root)
    {
        if (type is "response.output_text.delta" or "response.function_call_arguments.delta" or "response.reasoning_summary_text.delta")
        {
            CountText(root, "delta");
        }
        else if (type is "response.completed" or "response.incomplete" or "response.failed"
            && root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            ReadUsage(usage);
        }
    }

    private void OnMessagesEvent(string? type, JsonElement root)
    {
        switch (type)
        {
            case "message_start" when root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object:
                ReadUsage(usage, final: false);
                break;
            case "message_delta" when root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object:
                // Anthropic reports the output so far, cumulatively, and sometimes the input again.
                ReadUsage(usage);
                break;
            case "content_block_delta" when root.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object:
                CountText(delta, "text");
                CountText(delta, "partial_json");
                CountText(delta, "thinking");
                break;
        }
    }

    // OpenAI: prompt_tokens / completion_tokens (chat, embeddings) or input_tokens / output_tokens (responses).
    // Anthropic: input_tokens plus cache writes and reads, all charged as input; output_tokens.
    private void ReadUsage(JsonElement usage, bool final = true)
    {
        long? Read(string name) => usage.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0 ? n : null;

        var input = Read("prompt_tokens") ?? Read("input_tokens");
        if (input is not null)
        {
            _input = input + (Read("cache_creation_input_tokens") ?? 0) + (Read("cache_read_input_tokens") ?? 0);
        }

        var output = Read("completion_tokens") ?? Read("output_tokens");
        if (output is not null)
        {
            _output = output;
            _outputFinal = final;
        }
        else if (input is not null && _endpoint == LlmEndpoint.Embeddings)
        {
            _output = 0;
            _outputFinal = true;
        }
    }

    private void CountText(JsonElement owner, string property)
    {
        if (owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            _textBytes += Encoding.UTF8.GetByteCount(value.GetString()!);
        }
    }
}
