namespace Airlock.Cli.AdminApi.Models;

/// <summary>What a subject spent in one UTC day or month, and what calls in flight may still spend.</summary>
internal sealed record SpendInfo(DateTimeOffset Start, DateTimeOffset End, ChargeInfo Used, ChargeInfo Reserved);
