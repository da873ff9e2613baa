namespace Airlock.Cli.AdminApi.Models;

/// <summary>A subject's budget: the limits in force (null: none), usage against them and spend. For <c>*</c>, limits only.</summary>
internal sealed record BudgetInfo(string Scope, string Id, BudgetLimitsInfo? Limits, BudgetUsageInfo? Usage, SpendPeriodsInfo? Spend);
