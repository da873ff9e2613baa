namespace Airlock.Cli.AdminApi.Models;

/// <summary>An RFC 9457 problem document as the admin API sends it (docs/admin-api.md, "Errors").</summary>
internal sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? Code, IReadOnlyList<ProblemField>? Errors);
