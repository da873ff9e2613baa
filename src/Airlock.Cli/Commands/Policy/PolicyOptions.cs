using System.CommandLine;

namespace Airlock.Cli.Commands.Policy;

/// <summary>Options shared by the <c>policy</c> subcommands, so they are spelled and explained the same everywhere.</summary>
internal static class PolicyOptions
{
    /// <summary>The required <c>--policies</c> option: a <c>.cedar</c> file or a directory of them.</summary>
    public static Option<string> Policies() => new("--policies", "-p")
    {
        Description = "A .cedar file, or a directory whose *.cedar files are all read (sorted by name; policy ids run policy0, policy1, … across files).",
        HelpName = "FILE_OR_DIR",
        Required = true,
    };

    /// <summary>The optional <c>--schema</c> option, in either schema syntax.</summary>
    public static Option<string?> Schema() => new("--schema", "-s")
    {
        Description = "A Cedar schema: .cedarschema (human-readable syntax) or .json (JSON schema format).",
        HelpName = "FILE",
    };

    /// <summary>The <c>--output</c> option: <c>text</c> for people, <c>json</c> for programs.</summary>
    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format.",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>Reads the <c>--output</c> value.</summary>
    public static OutputFormat FormatOf(ParseResult parse, Option<string> output) =>
        parse.GetValue(output) == "json" ? OutputFormat.Json : OutputFormat.Text;
}
