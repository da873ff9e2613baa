namespace Airlock.Core.Llm;

/// <summary>What an LLM call does; each is a Cedar action (<c>Airlock::Action::"complete"</c> …).</summary>
public enum LlmOperation
{
    Complete,
    Embed,
    ListModels,
}
