using Airlock.Core.Llm;

namespace Airlock.Core.Policies;

/// <summary>
/// What policy knows of an LLM call beyond its HTTP request (<c>context.llm</c>): the endpoint, the model, the output
/// cap the call carries, whether it streams, the tools it offers the model, its body size and the worst-case cost
/// Airlock will reserve for it. <see cref="Model"/> is null when listing a service's models.
/// </summary>
public sealed record LlmFacts(
    LlmEndpoint Endpoint,
    string? Model,
    long MaxTokens,
    bool Stream,
    IReadOnlyList<string> Tools,
    long InputBytes,
    long EstimatedCostMicros);
