using System.CommandLine;
using Airlock.Gateway.Hosting;

namespace Airlock.Cli.Commands.Server;

/// <summary>Options shared by <c>init</c> and <c>serve</c>.</summary>
internal static class ServerOptions
{
    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = $"The data directory (default {GatewayOptions.DefaultDataDirectory}).",
        DefaultValueFactory = _ => GatewayOptions.DefaultDataDirectory,
    };
}
