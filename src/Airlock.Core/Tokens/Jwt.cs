namespace Airlock.Core.Tokens;

/// <summary>Constants of the session-token format (docs/admin-api.md, "Sessions").</summary>
internal static class Jwt
{
    /// <summary>The header's <c>typ</c>, so that no other JWT (an ID token, an access token) passes as a session token.</summary>
    public const string Type = "airlock-session+jwt";

    /// <summary>An ES256 signature: r ‖ s, 32 bytes each (RFC 7518 §3.4).</summary>
    public const int SignatureBytes = 64;
}
