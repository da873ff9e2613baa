using Airlock.Core.Identities;
using Airlock.Core.Sessions;

namespace Airlock.Core.Policies;

/// <summary>Everything policy may know about one agent HTTP call, after normalization (docs/policies.md, "The model").</summary>
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
    long DenialsSoFar);
