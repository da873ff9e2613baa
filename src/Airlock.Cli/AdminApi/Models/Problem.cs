namespace Airlock.Cli.AdminApi.Models;

/// <summary>An RFC 9457 problem document as the admin API sends it (docs/admin-api.md, "Errors").</summary>
internal sealed record Problem(
    string? Type = null, string? Title = null, int? Status = null, string? Detail = null, string? Code = null, IReadOnlyList<ProblemField>? Errors = null);
