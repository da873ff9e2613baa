using Airlock.Cli.Tests.Support;

namespace Airlock.Cli.Tests;

/// <summary>
/// Security invariant 1 through the real processes: after `secret put`, `rotate` and `delete`, no canary value is
/// in the data directory (database, -wal, -shm, key file) or in anything `airlock serve` printed, in raw, base64,
/// hex or UTF-16 form.
/// </summary>
public sealed class VaultAtRestProcessTests
{
    [Fact]
    public async Task Put_rotate_and_delete_leave_no_canary_on_disk_or_in_the_server_log()
    {
        await using var gateway = new GatewayFixture();
        await gateway.InitializeAsync();
        foreach (var name in new[] { "kept", "dropped" })
        {
            Assert.Equal(0, (await gateway.RunWithAsync(gateway.Canary(name + "-1"), null, "secret", "put", name)).ExitCode);
            Assert.Equal(0, (await gateway.RunWithAsync(gateway.Canary(name + "-2"), null, "secret", "rotate", name)).ExitCode);
        }

        Assert.Equal(0, (await gateway.RunAsync("secret", "delete", "dropped")).ExitCode);
        // A bad request that carries a value must not make the server print it either.
        Assert.NotEqual(0, (await gateway.RunWithAsync(gateway.Canary("refused"), null, "secret", "put", "kept")).ExitCode);

        await gateway.StopAsync();

        gateway.AssertNoCanaryAtRest();
    }
}
