using System.Diagnostics.CodeAnalysis;

namespace Airlock.Core.Tokens;

/// <summary>The outcome of validating a session token: a principal, or a failure with a message that never quotes the token.</summary>
public sealed class TokenValidationResult
{
    private TokenValidationResult(SessionPrincipal? principal, TokenFailure? failure, string? message)
    {
        Principal = principal;
        Failure = failure;
        Message = message;
    }

    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Message))]
    public bool Succeeded => Principal is not null;

    public SessionPrincipal? Principal { get; }

    public TokenFailure? Failure { get; }

    /// <summary>Why the token was refused, in words for the agent and the log.</summary>
    public string? Message { get; }

    public static TokenValidationResult Success(SessionPrincipal principal) => new(principal ?? throw new ArgumentNullException(nameof(principal)), null, null);

    public static TokenValidationResult Fail(TokenFailure failure, string message) => new(null, failure, message);

    public override string ToString() => Succeeded ? $"valid: session {Principal.SessionId}" : $"{Failure}: {Message}";
}
