using System.Text.Json.Serialization;

namespace Airlock.Core.Llm;

/// <summary>The wire format an LLM service speaks; it decides which endpoints exist and where usage is reported.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LlmProvider>))]
public enum LlmProvider
{
    /// <summary>OpenAI and OpenAI-compatible APIs: chat completions, responses, embeddings, models.</summary>
    [JsonStringEnumMemberName("openai")]
    OpenAI,

    /// <summary>Anthropic's Messages API.</summary>
    [JsonStringEnumMemberName("anthropic")]
    Anthropic,
}
