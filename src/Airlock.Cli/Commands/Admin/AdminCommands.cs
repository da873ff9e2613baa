using System.CommandLine;

namespace Airlock.Cli.Commands.Admin;

/// <summary>The command groups that call a running gateway's admin API (docs/admin-api.md).</summary>
internal static class AdminCommands
{
    /// <summary>Adds every admin group to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(SecretCommand.Create());
        root.Subcommands.Add(ServiceCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(SessionCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(SigningKeyCommand.Create());
        root.Subcommands.Add(BudgetCommand.Create());
    }
}
