namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>The streaming formats the delta redactor understands.</summary>
public enum Provider
{
    ChatCompletions,
    Responses,
    Anthropic,
}
