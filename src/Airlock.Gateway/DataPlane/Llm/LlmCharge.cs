using Airlock.Core.Llm;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>What an LLM call is charged: the tokens it used and their cost in micro-USD.</summary>
internal sealed record LlmCharge(LlmUsage Usage, long CostMicros);
