namespace Airlock.Cli.AdminApi.Models;

/// <summary>A registered upstream service.</summary>
internal sealed record ServiceInfo(string Name, string Url, string? Description, CredentialInfo Credential, string? Source, DateTimeOffset Created, bool PolicyBody = false, LlmInfo? Llm = null);

/// <summary>An LLM service's settings: provider, prices per model (USD per million tokens), default output cap.</summary>
internal sealed record LlmInfo(string Provider, IReadOnlyDictionary<string, LlmPriceInfo> Prices, long DefaultMaxTokens);

internal sealed record LlmPriceInfo(decimal InputPerMillion, decimal OutputPerMillion);
