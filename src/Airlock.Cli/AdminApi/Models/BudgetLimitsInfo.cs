namespace Airlock.Cli.AdminApi.Models;

/// <summary>The limits set for one subject, or for every subject of a scope when <see cref="Id"/> is <c>*</c>. Money is US dollars.</summary>
internal sealed record BudgetLimitsInfo(
    string Scope,
    string Id,
    long? RequestsPerWindow,
    long? TokensPerWindow,
    long WindowSeconds,
    decimal? UsdPerDay,
    decimal? UsdPerMonth,
    DateTimeOffset Updated);
