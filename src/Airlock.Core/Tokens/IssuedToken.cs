namespace Airlock.Core.Tokens;

/// <summary>A freshly signed session token, its <c>jti</c> and its expiry (whole seconds, as in the token).</summary>
public sealed record IssuedToken(string Token, string TokenId, DateTimeOffset ExpiresAt)
{
    /// <summary>Leaves the token text out, so that logging the record never leaks a credential.</summary>
    public override string ToString() => $"IssuedToken {{ TokenId = {TokenId}, ExpiresAt = {ExpiresAt:O} }}";
}
