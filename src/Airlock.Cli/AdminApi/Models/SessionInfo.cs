using System.Text.Json;

namespace Airlock.Cli.AdminApi.Models;

/// <summary>A session: one agent acting for at most one user on one intent. <see cref="Revoked"/> is kept as the JSON the gateway sent.</summary>
internal sealed record SessionInfo(
    string Id,
    string Agent,
    string? User,
    string Intent,
    IReadOnlyList<string>? Scope,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    JsonElement? Revoked,
    string? RevokedReason,
    string Status);
