namespace Airlock.Core.Llm;

/// <summary>
/// What makes a service an LLM service: its wire format, its price list (model name, or <c>*</c> for any other model,
/// to price per million tokens) and the output cap Airlock sets on a request that sets none, so that every call has a
/// known worst case to reserve.
/// </summary>
public sealed record LlmSettings(LlmProvider Provider, IReadOnlyDictionary<string, ModelPrice> Prices, long DefaultMaxTokens = LlmSettings.StandardMaxTokens)
{
    public const long StandardMaxTokens = 4096;

    /// <summary>The price of <paramref name="model"/>: its own entry, else the <c>*</c> entry, else null (the call cannot be metered).</summary>
    public ModelPrice? PriceOf(string model) =>
        Prices.TryGetValue(model, out var price) ? price : Prices.GetValueOrDefault("*");
}
