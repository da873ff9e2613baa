namespace Airlock.Gateway.Hosting;

/// <summary>How <c>airlock serve</c> was asked to run. Defaults are the safe single-machine setup.</summary>
public sealed record GatewayOptions
{
    public const string DefaultDataDirectory = ".airlock";

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>The data plane agents call; loopback by default.</summary>
    public string Listen { get; init; } = "127.0.0.1:8080";

    /// <summary>The admin plane; a separate listener so that network policy can keep it private.</summary>
    public string AdminListen { get; init; } = "127.0.0.1:8081";

    public string? PoliciesDirectory { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary>The longest session an operator may start.</summary>
    public TimeSpan MaxSessionTtl { get; init; } = TimeSpan.FromHours(12);

    /// <summary>The <c>iss</c> of session tokens.</summary>
    public string Issuer { get; init; } = "airlock";

    /// <summary>Audit log tunables: bounded write wait, checkpoint cadence, an optional checkpoint file outside the database.</summary>
    public Airlock.Core.Audit.AuditOptions Audit { get; init; } = new();
}
