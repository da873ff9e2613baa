namespace Airlock.Cli.AdminApi.Models;

/// <summary>A subject's usage against each kind of limit.</summary>
internal sealed record BudgetUsageInfo(BudgetLineInfo RequestsPerWindow, BudgetLineInfo TokensPerWindow, BudgetLineInfo UsdPerDay, BudgetLineInfo UsdPerMonth);
