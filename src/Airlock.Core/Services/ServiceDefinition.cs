namespace Airlock.Core.Services;

/// <summary>
/// A registered upstream: the only place agent calls routed to <see cref="Name"/> may go. <see cref="BaseUrl"/>
/// fixes scheme, host, port and path prefix; <see cref="Credential"/> says which vault secret is injected where.
/// <see cref="Source"/> is "config" for services read from the config file at start, "api" otherwise.
/// <see cref="PolicyBody"/> lets policy see a small JSON request body (<c>context.request.body</c>). A service with
/// <see cref="Llm"/> settings is an LLM provider, reached only under <c>/llm/{name}/</c> where calls are metered.
/// </summary>
public sealed record ServiceDefinition(
    string Name,
    Uri BaseUrl,
    CredentialBinding Credential,
    string Description,
    string Source,
    DateTimeOffset CreatedAt,
    bool PolicyBody = false,
    Llm.LlmSettings? Llm = null);
