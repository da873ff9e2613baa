namespace Airlock.Core.Tokens;

/// <summary>
/// What the validator remembers about a token whose signature, issuer and audience it has checked: everything
/// that cannot change. What can change (the clock, the key's window, the session's status) is checked on every use.
/// </summary>
internal sealed class VerifiedToken
{
    public VerifiedToken(string keyId, DateTimeOffset notBefore, SessionPrincipal principal)
    {
        KeyId = keyId;
        NotBeforeTicks = notBefore.UtcTicks;
        ExpiresTicks = principal.ExpiresAt.UtcTicks;
        Principal = principal;
        Success = TokenValidationResult.Success(principal);
    }

    public string KeyId { get; }

    public long NotBeforeTicks { get; }

    public long ExpiresTicks { get; }

    public SessionPrincipal Principal { get; }

    /// <summary>The success result, made once so that a cached validation allocates nothing.</summary>
    public TokenValidationResult Success { get; }
}
