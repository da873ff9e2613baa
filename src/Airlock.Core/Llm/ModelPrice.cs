namespace Airlock.Core.Llm;

/// <summary>What a model costs, in US dollars per million tokens, as the provider's price list says.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>
    /// The cost of <paramref name="inputTokens"/> and <paramref name="outputTokens"/> in micro-USD, rounded up: a
    /// million tokens at X dollars per million is X × 10⁶ micro-USD, so each token costs exactly the per-million price.
    /// </summary>
    public long CostMicros(long inputTokens, long outputTokens) =>
        (long)decimal.Ceiling((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion));
}
