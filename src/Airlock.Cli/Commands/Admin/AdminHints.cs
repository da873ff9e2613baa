namespace Airlock.Cli.Commands.Admin;

/// <summary>What a command suggests when the gateway says not found (404) or already exists (409).</summary>
internal sealed record AdminHints(string? NotFound = null, string? Conflict = null);
