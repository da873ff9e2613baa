namespace Airlock.Cli.AdminApi.Models;

/// <summary>The answer to starting a session: the token (shown once), the session and when it expires.</summary>
internal sealed record SessionStarted(string Token, SessionInfo Session, DateTimeOffset Expires);
