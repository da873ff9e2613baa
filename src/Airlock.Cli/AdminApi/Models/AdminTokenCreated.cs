namespace Airlock.Cli.AdminApi.Models;

/// <summary>A new named admin token; <see cref="Token"/> is shown only in this answer.</summary>
internal sealed record AdminTokenCreated(string Token, string Id, string Name, DateTimeOffset Created, DateTimeOffset? Expires);
