namespace Airlock.Cli.AdminApi.Models;

/// <summary>The ids of the sessions a revoke ended (empty when they were already revoked).</summary>
internal sealed record RevokedSessions(IReadOnlyList<string> Revoked);
