namespace Airlock.Core.Llm;

/// <summary>
/// An LLM request as Airlock prepared it for the provider: the model, the output cap it carries (the agent's, or the
/// service's default when the agent set none), whether it streams, the tools it offers the model, and the body to
/// send, which differs from the agent's only by the fields Airlock set (docs/llm.md).
/// </summary>
public sealed record LlmRequest(string Model, long MaxTokens, bool Stream, IReadOnlyList<string> Tools, ReadOnlyMemory<byte> Body);
