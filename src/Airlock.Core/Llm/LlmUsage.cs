namespace Airlock.Core.Llm;

/// <summary>Tokens a call used. <see cref="Estimated"/> when the provider did not report them (docs/llm.md says how they are counted then).</summary>
public sealed record LlmUsage(long InputTokens, long OutputTokens, bool Estimated = false)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
