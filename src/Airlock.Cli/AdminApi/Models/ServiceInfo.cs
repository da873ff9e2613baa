namespace Airlock.Cli.AdminApi.Models;

/// <summary>A registered upstream service.</summary>
internal sealed record ServiceInfo(string Name, string Url, string? Description, CredentialInfo Credential, string? Source, DateTimeOffset Created, bool PolicyBody = false);
