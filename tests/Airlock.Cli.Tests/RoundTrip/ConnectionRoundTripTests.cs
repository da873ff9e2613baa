using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests.RoundTrip;

[Collection(GatewayCollection.Name)]
public sealed class ConnectionRoundTripTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Unknown_token_is_denied_without_printing_it()
    {
        const string Wrong = "airlock_admin_wrongwrongwrongwrongwrongwrongwrongwro";
        gateway.NeverPrint(Wrong);

        var result = await gateway.RunWithAsync(null, Wrong, "secret", "list", "--verbose");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("AIRLOCK_ADMIN_TOKEN", result.Stderr);
        Assert.Contains("> GET ", result.Stderr);
        Assert.Contains("< 401", result.Stderr);
    }

    [Fact]
    public async Task Server_down_exits_seven_and_names_the_address()
    {
        var result = await AdminCli.RunAsync(AdminCli.DeadAddress, stdin: null, gateway.RootToken, "agent", "list");
        gateway.AssertNoLeak(result, ["agent", "list"]);

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains($"cannot reach the admin API at {AdminCli.DeadAddress} (AIRLOCK_ADDR): connection refused", result.Stderr);
        Assert.Contains("export AIRLOCK_ADDR=", result.Stderr);
    }

    [Fact]
    public async Task Addr_option_overrides_the_environment()
    {
        var result = await AdminCli.RunAsync(AdminCli.DeadAddress, stdin: null, gateway.RootToken, "agent", "list", "--addr", gateway.AdminAddress);

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
