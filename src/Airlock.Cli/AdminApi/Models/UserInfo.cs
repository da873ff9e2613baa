namespace Airlock.Cli.AdminApi.Models;

/// <summary>A user agents may act for.</summary>
internal sealed record UserInfo(string Id, IReadOnlyList<string>? Groups, DateTimeOffset Created);
