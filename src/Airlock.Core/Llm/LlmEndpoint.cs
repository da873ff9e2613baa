namespace Airlock.Core.Llm;

/// <summary>One API endpoint Airlock mediates: what it does and how its request and usage are read.</summary>
public enum LlmEndpoint
{
    /// <summary>OpenAI <c>POST /v1/chat/completions</c>.</summary>
    ChatCompletions,

    /// <summary>OpenAI <c>POST /v1/responses</c>.</summary>
    Responses,

    /// <summary>OpenAI <c>POST /v1/embeddings</c>.</summary>
    Embeddings,

    /// <summary>Anthropic <c>POST /v1/messages</c>.</summary>
    Messages,

    /// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>, both providers.</summary>
    Models,
}

public static class LlmEndpoints
{
    /// <summary>
    /// The endpoint <paramref name="method"/> and canonical <paramref name="path"/> name for <paramref name="provider"/>,
    /// or null: an endpoint Airlock cannot meter is not forwarded at all.
    /// </summary>
    public static LlmEndpoint? Match(LlmProvider provider, string method, string path) => (provider, method, path) switch
    {
        (LlmProvider.OpenAI, "POST", "/v1/chat/completions") => LlmEndpoint.ChatCompletions,
        (LlmProvider.OpenAI, "POST", "/v1/responses") => LlmEndpoint.Responses,
        (LlmProvider.OpenAI, "POST", "/v1/embeddings") => LlmEndpoint.Embeddings,
        (LlmProvider.Anthropic, "POST", "/v1/messages") => LlmEndpoint.Messages,
        (_, "GET", "/v1/models") => LlmEndpoint.Models,
        (_, "GET", _) when path.StartsWith("/v1/models/", StringComparison.Ordinal) && path.IndexOf('/', "/v1/models/".Length) < 0 && path.Length > "/v1/models/".Length
            => LlmEndpoint.Models,
        _ => null,
    };

    public static LlmOperation OperationOf(LlmEndpoint endpoint) => endpoint switch
    {
        LlmEndpoint.Embeddings => LlmOperation.Embed,
        LlmEndpoint.Models => LlmOperation.ListModels,
        _ => LlmOperation.Complete,
    };

    /// <summary>The endpoints of <paramref name="provider"/>, for error messages.</summary>
    public static string Describe(LlmProvider provider) => provider == LlmProvider.OpenAI
        ? "POST /v1/chat/completions, POST /v1/responses, POST /v1/embeddings, GET /v1/models"
        : "POST /v1/messages, GET /v1/models";
}
