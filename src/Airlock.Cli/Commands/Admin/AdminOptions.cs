using System.CommandLine;
using Airlock.Cli.AdminApi;

namespace Airlock.Cli.Commands.Admin;

/// <summary>The options every admin command shares, so they are spelled and explained the same everywhere.</summary>
internal sealed class AdminOptions
{
    private AdminOptions(Command command)
    {
        Output = new Option<string>("--output", "-o")
        {
            Description = "Output format: table for people, json for scripts (the admin API's own JSON).",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
        };
        Output.AcceptOnlyFromAmong("table", "json");
        Address = new Option<string?>("--addr")
        {
            Description = $"The admin API address; overrides {AdminConnection.AddressVariable} (default {AdminConnection.DefaultAddress}). " +
                $"The admin token is read only from {AdminConnection.TokenVariable}.",
            HelpName = "URL",
        };
        Verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Print each request line and response status to stderr (never headers, bodies or secrets).",
        };
        command.Options.Add(Output);
        command.Options.Add(Address);
        command.Options.Add(Verbose);
    }

    public Option<string> Output { get; }

    public Option<string?> Address { get; }

    public Option<bool> Verbose { get; }

    /// <summary>Adds the shared options to <paramref name="command"/> and returns them.</summary>
    public static AdminOptions AddTo(Command command) => new(command);
}
