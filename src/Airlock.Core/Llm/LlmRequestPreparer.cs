using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Core.Llm;

/// <summary>
/// Reads an agent's LLM request body and makes it meterable: every call must carry an output cap (so its worst case is
/// known before it is forwarded), and an OpenAI chat stream must report its usage. Nothing else in the body changes.
/// </summary>
public static class LlmRequestPreparer
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Prepares <paramref name="body"/> for <paramref name="endpoint"/>; throws <see cref="LlmRequestException"/> when it cannot be metered.</summary>
    public static LlmRequest Prepare(LlmEndpoint endpoint, ReadOnlySpan<byte> body, long defaultMaxTokens)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                ?? throw new LlmRequestException("$", "the request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new LlmRequestException("$", $"the request body is not valid JSON: {e.Message}");
        }

        var model = root["model"] is JsonValue m && m.TryGetValue<string>(out var name) && name.Length > 0
            ? name
            : throw new LlmRequestException("model", "must be the model's name, a non-empty string");
        var stream = root["stream"] is JsonValue s && s.TryGetValue<bool>(out var streaming) && streaming;
        RefuseLogProbabilities(root);

        var capField = endpoint switch
        {
            LlmEndpoint.ChatCompletions => root.ContainsKey("max_tokens") && !root.ContainsKey("max_completion_tokens") ? "max_tokens" : "max_completion_tokens",
            LlmEndpoint.Responses => "max_output_tokens",
            LlmEndpoint.Messages => "max_tokens",
            _ => null,
        };
        long maxTokens = 0;
        if (capField is not null)
        {
            maxTokens = ReadCap(root, capField) ?? defaultMaxTokens;
            root[capField] = maxTokens;
        }

        if (endpoint == LlmEndpoint.ChatCompletions && stream)
        {
            // Without it an OpenAI chat stream carries no usage, and Airlock would have to estimate.
            var options = root["stream_options"] as JsonObject ?? new JsonObject();
            options["include_usage"] = true;
            root["stream_options"] = options;
        }

        return new LlmRequest(model, maxTokens, stream, ToolNames(root), JsonSerializer.SerializeToUtf8Bytes(root, Compact));
    }

    // Log probabilities repeat the answer token by token, each token its own JSON string outside the text fields the
    // redactors read, so a secret the model echoes would leave in pieces. Refused rather than silently dropped.
    private static void RefuseLogProbabilities(JsonObject root)
    {
        const string Why = "Airlock does not relay log probabilities: they repeat the answer token by token where a held secret could not be redacted; send the request without them";
        if (root["logprobs"] is JsonValue l && (!l.TryGetValue<bool>(out var wanted) || wanted))
        {
            throw new LlmRequestException("logprobs", Why);
        }

        if (root["top_logprobs"] is not null)
        {
            throw new LlmRequestException("top_logprobs", Why);
        }

        if (root["include"] is JsonArray include && include.Any(i => i?.ToString().Contains("logprobs", StringComparison.Ordinal) == true))
        {
            throw new LlmRequestException("include", Why);
        }
    }

    private static long? ReadCap(JsonObject root, string field) => root[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) && n > 0 => n,
        _ => throw new LlmRequestException(field, "must be a positive whole number of tokens"),
    };

    // Function tools by name; built-in tools (web search, code interpreter …) by type.
    private static string[] ToolNames(JsonObject root)
    {
        var names = new List<string>();
        foreach (var list in new[] { root["tools"], root["functions"] })
        {
            if (list is not JsonArray tools)
            {
                continue;
            }

            foreach (var tool in tools.OfType<JsonObject>())
            {
                var name = (tool["function"] as JsonObject)?["name"] ?? tool["name"] ?? tool["type"];
                if (name is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    names.Add(text);
                }
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
