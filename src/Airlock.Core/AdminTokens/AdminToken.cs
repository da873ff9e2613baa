namespace Airlock.Core.AdminTokens;

/// <summary>
/// An admin-plane bearer token, stored only as the SHA-256 of its text (the text has 256 bits of entropy, so a
/// plain hash is enough). The root token has no expiry; named tokens do.
/// </summary>
public sealed record AdminToken(
    string Id,
    string Name,
    byte[] TokenHash,
    bool IsRoot,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
