namespace Airlock.Cli.AdminApi.Models;

/// <summary>A session-token signing key: its public identity and lifecycle.</summary>
internal sealed record SigningKeyInfo(string Kid, string Alg, DateTimeOffset Created, DateTimeOffset? Retired, DateTimeOffset? VerifyUntil, bool Active);
