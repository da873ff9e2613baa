namespace Airlock.Cli.AdminApi.Models;

/// <summary>One entry of a problem's <c>errors</c>: the field at fault and what is wrong with it.</summary>
internal sealed record ProblemField(string? Field, string? Message);
