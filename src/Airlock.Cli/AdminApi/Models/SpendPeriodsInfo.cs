namespace Airlock.Cli.AdminApi.Models;

/// <summary>Spend in the current UTC day and month.</summary>
internal sealed record SpendPeriodsInfo(SpendInfo Day, SpendInfo Month);
