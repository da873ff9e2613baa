namespace Airlock.Core.Tokens;

/// <summary>
/// Public half and lifecycle of a session-token signing key. The private half is a vault secret named
/// <see cref="PrivateKeySecretName"/>. A retired key signs nothing new but verifies its tokens until
/// <see cref="VerifyUntil"/>.
/// </summary>
public sealed record SigningKeyRecord(
    string KeyId,
    string Algorithm,
    byte[] PublicKeySpki,
    string PrivateKeySecretName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? VerifyUntil);
