using Airlock.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Airlock.Gateway.Tests;

/// <summary>Security invariant 1 at rest: no secret value in any database file, in any usual encoding.</summary>
public sealed class VaultAtRestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_canary_form_is_in_the_data_directory_after_put_rotate_and_delete()
    {
        var canaries = new List<string>();
        string directory;
        await using (var gateway = await RunningGateway.StartAsync())
        {
            directory = gateway.DataDirectory;
            foreach (var name in new[] { "kept", "deleted" })
            {
                var first = Canary.New(name + "1", output);
                var second = Canary.New(name + "2", output);
                canaries.AddRange([first, second]);
                await gateway.PostAsync("/v1/secrets", new { name, value = first });
                await gateway.PostAsync($"/v1/secrets/{name}/rotate", new { value = second }, expectedStatus: 200);
            }

            await RunningGateway.ExpectAsync(await gateway.Admin.DeleteAsync("/v1/secrets/deleted"), 204);

            // While the server runs, -wal and -shm exist unless SQLite just closed its last connection; every file
            // there is scanned, whatever its name.
            Assert.Empty(Canary.FindLeaks(directory, canaries));
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_secret_does_not_decrypt()
    {
        await using var gateway = await RunningGateway.StartAsync();
        await gateway.PostAsync("/v1/secrets", new { name = "alpha", value = Canary.New("alpha", output) });
        await gateway.PostAsync("/v1/secrets", new { name = "beta", value = Canary.New("beta", output) });

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(gateway.DataDirectory, "airlock.db")}"))
        {
            await connection.OpenAsync();
            await using var move = connection.CreateCommand();
            move.CommandText = """
                UPDATE secret_versions
                SET ciphertext = (SELECT ciphertext FROM secret_versions WHERE name = 'alpha'),
                    wrapped_data_key = (SELECT wrapped_data_key FROM secret_versions WHERE name = 'alpha')
                WHERE name = 'beta'
                """;
            Assert.Equal(1, await move.ExecuteNonQueryAsync());
        }

        await Assert.ThrowsAsync<Core.Secrets.SecretDecryptionException>(() => gateway.Runtime.Vault.RevealAsync("beta"));
        Assert.NotEmpty(await gateway.Runtime.Vault.RevealAsync("alpha"));
    }
}
