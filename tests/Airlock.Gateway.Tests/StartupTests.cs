using System.Security.Cryptography;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

/// <summary>The server refuses to start, and says why, whenever it could not keep its promises.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_wrong_key_refuses_to_start()
    {
        var directory = await InitializedDirectoryAsync();
        var keyFile = KeyProviders.KeyFilePath(directory);
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");

        var e = await Assert.ThrowsAsync<StartupException>(() => OpenAsync(directory));

        Assert.Contains("key", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("does not open", e.Message, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task A_missing_key_refuses_to_start()
    {
        var directory = await InitializedDirectoryAsync();
        File.Delete(KeyProviders.KeyFilePath(directory));

        var e = await Assert.ThrowsAsync<StartupException>(() => OpenAsync(directory));

        Assert.Contains(KeyProviders.KeyFilePath(directory), e.Message, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_key_file_readable_by_others_refuses_to_start()
    {
        var directory = await InitializedDirectoryAsync();
        File.SetUnixFileMode(KeyProviders.KeyFilePath(directory), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var e = await Assert.ThrowsAsync<StartupException>(() => OpenAsync(directory));

        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Init_creates_a_private_key_file_and_refuses_to_run_twice()
    {
        var directory = await InitializedDirectoryAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyProviders.KeyFilePath(directory)));
        var e = await Assert.ThrowsAsync<StartupException>(() => DataDirectoryInitializer.InitializeAsync(directory, TimeProvider.System));
        Assert.Contains("already initialized", e.Message, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task An_uninitialized_directory_refuses_to_start_and_says_to_run_init()
    {
        var directory = TempDirectory.Create();

        var e = await Assert.ThrowsAsync<StartupException>(() => OpenAsync(directory));

        Assert.Contains("airlock init", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
        TempDirectory.Delete(directory);
    }

    private static async Task<string> InitializedDirectoryAsync()
    {
        var directory = TempDirectory.Create();
        await DataDirectoryInitializer.InitializeAsync(directory, TimeProvider.System);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return directory;
    }

    private static async Task OpenAsync(string directory)
    {
        await using var runtime = await GatewayRuntime.OpenAsync(new GatewayOptions { DataDirectory = directory }, TimeProvider.System);
    }
}
