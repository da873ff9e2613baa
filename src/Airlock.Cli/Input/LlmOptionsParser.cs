using System.Globalization;
using System.Text.Json.Nodes;

namespace Airlock.Cli.Input;

/// <summary>
/// The LLM settings of <c>airlock service add --llm PROVIDER --price MODEL=INPUT/OUTPUT … [--default-max-tokens N]</c>
/// as the admin API's <c>llm</c> object. Prices are US dollars per million tokens, e.g. <c>gpt-4o-mini=0.15/0.60</c>;
/// the model <c>*</c> prices any model not listed.
/// </summary>
internal static class LlmOptionsParser
{
    public static JsonObject? Parse(string? provider, IReadOnlyList<string> prices, long? defaultMaxTokens)
    {
        if (provider is null)
        {
            if (prices.Count > 0 || defaultMaxTokens is not null)
            {
                throw new UsageException("--price and --default-max-tokens describe an LLM service: add --llm openai or --llm anthropic");
            }

            return null;
        }

        if (provider is not ("openai" or "anthropic"))
        {
            throw new UsageException($"--llm {provider}: must be openai (OpenAI and compatible APIs) or anthropic");
        }

        if (prices.Count == 0)
        {
            throw new UsageException("--llm needs at least one --price MODEL=INPUT/OUTPUT (US dollars per million tokens, e.g. gpt-4o-mini=0.15/0.60; * for any model): a call that cannot be priced is refused");
        }

        var table = new JsonObject();
        foreach (var price in prices)
        {
            var (model, input, output) = ParsePrice(price);
            if (table.ContainsKey(model))
            {
                throw new UsageException($"--price {price}: model '{model}' is priced twice");
            }

            table[model] = new JsonObject { ["input_per_million"] = input, ["output_per_million"] = output };
        }

        var llm = new JsonObject { ["provider"] = provider, ["prices"] = table };
        if (defaultMaxTokens is { } cap)
        {
            llm["default_max_tokens"] = cap;
        }

        return llm;
    }

    private static (string Model, decimal Input, decimal Output) ParsePrice(string text)
    {
        var equals = text.LastIndexOf('=');
        var slash = equals < 0 ? -1 : text.IndexOf('/', equals);
        if (equals <= 0 || slash < 0
            || !decimal.TryParse(text[(equals + 1)..slash], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var input)
            || !decimal.TryParse(text[(slash + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var output))
        {
            throw new UsageException($"--price {text}: write MODEL=INPUT/OUTPUT in US dollars per million tokens, e.g. gpt-4o-mini=0.15/0.60");
        }

        return (text[..equals], input, output);
    }
}
