namespace Airlock.Core.Audit;

/// <summary>
/// The public half of a checkpoint signing key, kept beside the log so that verifying it offline needs no vault.
/// The private half is the internal vault secret <c>airlock:audit-signing:{KeyId}</c>.
/// </summary>
public sealed record AuditKeyRecord(string KeyId, string Algorithm, byte[] PublicKeySpki, DateTimeOffset CreatedAt);
