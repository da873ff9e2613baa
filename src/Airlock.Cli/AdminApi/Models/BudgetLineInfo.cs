namespace Airlock.Cli.AdminApi.Models;

/// <summary>One kind of limit now: its limit (null: none), what is used and reserved in the current period, and what is left.</summary>
internal sealed record BudgetLineInfo(decimal? Limit, decimal Used, decimal Reserved, decimal? Remaining, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);
