using System.CommandLine;
using Airlock.Gateway.Hosting;

namespace Airlock.Cli.Commands.Server;

/// <summary><c>airlock init</c>: creates a data directory and prints the root admin token, once.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dataDir = ServerOptions.DataDirectory();
        var command = new Command(
            "init",
            "Create a data directory: database, key-encryption key (a 0600 file, unless AIRLOCK_KEK is set), " +
            "token-signing key and the root admin token, printed once as `export AIRLOCK_ADMIN_TOKEN=…`.")
        {
            dataDir,
        };
        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            var directory = parse.GetValue(dataDir)!;
            try
            {
                var token = DataDirectoryInitializer.InitializeAsync(directory, TimeProvider.System).GetAwaiter().GetResult();
                io.Error.WriteLine($"airlock: initialized {Path.GetFullPath(directory)}");
                io.Error.WriteLine(KeyProviders.UsesEnvironment
                    ? $"airlock: the key-encryption key comes from {KeyProviders.EnvironmentVariable}; keep it, the vault cannot be opened without it"
                    : $"airlock: the key-encryption key is {KeyProviders.KeyFilePath(directory)} (mode 0600); back it up apart from the database");
                io.Error.WriteLine("airlock: the root admin token below is shown only this once");
                io.Out.WriteLine($"export AIRLOCK_ADMIN_TOKEN={token}");
                return ExitCodes.Success;
            }
            catch (StartupException e)
            {
                throw new UsageException(e.Message);
            }
        }));
        return command;
    }
}
