namespace Airlock.Core.Llm;

/// <summary>Checks an LLM service's settings, naming every field at fault (<c>llm.prices.gpt-4o.input_per_million</c> …).</summary>
public static class LlmSettingsValidator
{
    public const long MaxOutputCap = 1_000_000;

    public static IReadOnlyList<FieldError> Validate(LlmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(settings.Provider))
        {
            errors.Add(new("llm.provider", "must be openai or anthropic"));
        }

        if (settings.Prices is null || settings.Prices.Count == 0)
        {
            errors.Add(new("llm.prices", "must price at least one model (or `*` for any model), in USD per million tokens: a call that cannot be priced is refused"));
        }
        else
        {
            foreach (var (model, price) in settings.Prices)
            {
                if (string.IsNullOrWhiteSpace(model) || model.Length > 256)
                {
                    errors.Add(new("llm.prices", "model names must be 1–256 characters"));
                }
                else if (price is null || price.InputPerMillion < 0 || price.OutputPerMillion < 0 || price.InputPerMillion > 10_000 || price.OutputPerMillion > 10_000)
                {
                    errors.Add(new($"llm.prices.{model}", "needs input_per_million and output_per_million, each from 0 to 10000 (USD per million tokens)"));
                }
            }
        }

        if (settings.DefaultMaxTokens is < 1 or > MaxOutputCap)
        {
            errors.Add(new("llm.default_max_tokens", $"must be 1 to {MaxOutputCap}"));
        }

        return errors;
    }
}
