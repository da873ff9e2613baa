using System.CommandLine;

namespace Airlock.Cli.Commands.Policy;

/// <summary>The <c>airlock policy</c> group: check, try and format Cedar policies offline.</summary>
internal static class PolicyCommand
{
    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("policy", "Validate, try and format Cedar policies without a running gateway.")
        {
            ValidateCommand.Create(),
            AuthorizeCommand.Create(),
            FormatCommand.Create(),
        };
}
