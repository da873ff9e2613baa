namespace Airlock.Cli.AdminApi.Models;

/// <summary>What the gateway says about a secret: never its value.</summary>
internal sealed record SecretInfo(string Name, int Version, int Versions, DateTimeOffset Created, DateTimeOffset Updated);
