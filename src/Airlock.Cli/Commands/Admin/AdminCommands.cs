using System.CommandLine;

namespace Airlock.Cli.Commands.Admin;

/// <summary>The command groups that call a running gateway's admin API (docs/admin-api.md).</summary>
internal static class AdminCommands
{
    /// <summary>Adds every admin group to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(SecretCommand.Create());
    }
}
