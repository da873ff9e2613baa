namespace Airlock.Cli.Tests.Support;

/// <summary>Runs admin commands of the real airlock process against an admin API address with a known token.</summary>
public static class AdminCli
{
    /// <summary>An admin token of the real shape; the tests check it never appears in any output.</summary>
    public const string Token = "airlock_admin_T0kenForTestsOnly_abcdefghijklmnopqrstuvwxyz012";

    /// <summary>An address where nothing listens (port 1 on loopback is reserved and refused).</summary>
    public const string DeadAddress = "http://127.0.0.1:1";

    /// <summary>Runs <c>airlock args…</c> with <c>AIRLOCK_ADDR</c> = <paramref name="address"/> and <c>AIRLOCK_ADMIN_TOKEN</c> = <paramref name="token"/>.</summary>
    public static Task<CliResult> RunAsync(string address, string? stdin, string? token, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["AIRLOCK_ADDR"] = address };
        if (token is not null)
        {
            environment["AIRLOCK_ADMIN_TOKEN"] = token;
        }

        return AirlockProcess.RunAsync(Path.GetTempPath(), stdin, environment, args);
    }

    /// <summary>Runs against <paramref name="api"/> with <see cref="Token"/>.</summary>
    public static Task<CliResult> RunAsync(FakeAdminApi api, string? stdin, params string[] args) => RunAsync(api.Address, stdin, Token, args);
}
