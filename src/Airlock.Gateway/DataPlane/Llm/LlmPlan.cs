using Airlock.Core.Llm;
using Airlock.Core.Policies;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>
/// An LLM call ready to decide and forward: its endpoint, the model asked for (null when listing models), its price,
/// the prepared body to send, and what policy sees of it.
/// </summary>
internal sealed record LlmPlan(LlmEndpoint Endpoint, string? ModelName, ModelPrice? Price, ReadOnlyMemory<byte> Body, LlmFacts Facts)
{
    /// <summary>What the budget reserves: one request, every body byte as an input token plus the output cap, and their cost.</summary>
    public Core.Budgets.BudgetCharge WorstCase => new(1, Facts.InputBytes + Facts.MaxTokens, Facts.EstimatedCostMicros);
}
