namespace Airlock.Cli.AdminApi.Models;

/// <summary>Requests, tokens and US dollars.</summary>
internal sealed record ChargeInfo(long Requests, long Tokens, decimal Usd);
