using System.Text.Json;

namespace Airlock.Cli.AdminApi.Models;

/// <summary>An admin token as listed: never its text. <see cref="Revoked"/> is kept as the JSON the gateway sent.</summary>
internal sealed record AdminTokenInfo(string Id, string Name, bool Root, DateTimeOffset Created, DateTimeOffset? Expires, JsonElement? Revoked);
