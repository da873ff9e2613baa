using Airlock.Core.Identities;
using Airlock.Core.Sessions;

namespace Airlock.Core.Policies;

/// <summary>
/// Everything policy may know about one agent HTTP call, after normalization (docs/policies.md, "The model").
/// <c>Headers</c> are the agent's headers that are forwarded, names in lower case, repeated values joined by
/// <c>", "</c>; <c>JsonBody</c> is the body's fields (<see cref="JsonBodyFields"/>) when the service shows policy the
/// body, else null. <c>Llm</c> is set on a call to an LLM service: the action is then the LLM operation and the
/// resource its model.
/// </summary>
public sealed record HttpCall(
    Session Session,
    Agent Agent,
    User? User,
    string Method,
    string Service,
    string Path,
    string Query,
    string? Reason,
    long BodyBytes,
    DateTimeOffset Now,
    long CallsSoFar,
    long DenialsSoFar,
    IReadOnlyDictionary<string, string>? Headers = null,
    IReadOnlyDictionary<string, string>? JsonBody = null,
    LlmFacts? Llm = null);
