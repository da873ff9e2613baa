namespace Airlock.Core.Llm;

/// <summary>An LLM request body Airlock cannot read or meter; <see cref="Field"/> names the JSON member at fault.</summary>
public sealed class LlmRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
