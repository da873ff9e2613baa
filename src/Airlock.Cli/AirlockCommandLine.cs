using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Airlock.Cli.Commands.Admin;
using Airlock.Cli.Commands.Policy;
using Airlock.Cli.Commands.Server;

namespace Airlock.Cli;

/// <summary>The <c>airlock</c> command tree and its entry point.</summary>
internal static class AirlockCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand($"Airlock: the credential gateway for AI agents.\n\n{ExitCodes.HelpText}")
        {
            PolicyCommand.Create(),
            InitCommand.Create(),
            ServeCommand.Create(),
            Commands.Dev.DevCommand.Create(),
            Commands.Audit.AuditCommand.Create(),
        };

        AdminCommands.AddTo(root);

        // `--context @file.json` names a file for us to read; the library would otherwise expand it as a response file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            // The library's own error action exits with 1, which here means "policies invalid"; usage errors are 2.
            WriteParseErrors(configuration.Error, parse);
            return ExitCodes.Usage;
        }

        return parse.Invoke(configuration);
    }

    private static void WriteParseErrors(TextWriter error, ParseResult parse)
    {
        foreach (var e in parse.Errors)
        {
            error.WriteLine($"error: {e.Message}");
        }

        error.WriteLine($"  help: run `{CommandPath(parse.CommandResult)} --help` for usage");
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Command is RootCommand ? "airlock" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
