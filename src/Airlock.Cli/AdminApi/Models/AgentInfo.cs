namespace Airlock.Cli.AdminApi.Models;

/// <summary>A registered agent.</summary>
internal sealed record AgentInfo(string Id, string? Description, IReadOnlyList<string>? Groups, bool Enabled, DateTimeOffset Created);
