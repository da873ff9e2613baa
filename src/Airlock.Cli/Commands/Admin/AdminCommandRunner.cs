using System.CommandLine;
using Airlock.Cli.AdminApi;

namespace Airlock.Cli.Commands.Admin;

/// <summary>
/// Runs an admin command's body and turns every failure into <c>error:</c> lines and the documented exit code. Text it
/// did not write itself (the gateway's problem details, exception messages) passes through <see cref="AdminCall.Redact"/>,
/// so neither the admin token nor a secret value can appear.
/// </summary>
internal static class AdminCommandRunner
{
    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="body"/> with the shared <paramref name="options"/>.</summary>
    public static void SetAction(Command command, AdminOptions options, Func<ParseResult, AdminCall, CancellationToken, Task<int>> body, AdminHints? hints = null) =>
        command.SetAction(parse => Run(parse, options, body, hints ?? new AdminHints()));

    private static int Run(ParseResult parse, AdminOptions options, Func<ParseResult, AdminCall, CancellationToken, Task<int>> body, AdminHints hints)
    {
        var io = new CommandIo(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        using var call = new AdminCall(io, parse.GetValue(options.Output) == "json", parse.GetValue(options.Address), parse.GetValue(options.Verbose));
        try
        {
            // The console app has no synchronization context, so blocking here cannot deadlock.
            return body(parse, call, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            // Usage messages quote only what was typed on the command line, where no secret ever is.
            Write(io.Error, e.Message, [], e.Help);
            return ExitCodes.Usage;
        }
        catch (AdminApiException e)
        {
            var help = e.Help ?? e.ExitCode switch
            {
                ExitCodes.NotFound => hints.NotFound,
                ExitCodes.Conflict => hints.Conflict,
                _ => null,
            };
            var details = e.Errors.Select(f => call.Redact(f.Field is null ? f.Message ?? "" : $"{f.Field}: {f.Message}"));
            Write(io.Error, call.Redact(e.Message), details, help);
            return e.ExitCode;
        }
#pragma warning disable CA1031 // Anything else is a bug in airlock; report it in one line instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Write(io.Error, call.Redact($"internal error: {e.GetType().Name}: {e.Message}"), [],
                "this is a bug in airlock; please report it with the command line that caused it");
            return ExitCodes.Internal;
        }
    }

    private static void Write(TextWriter error, string message, IEnumerable<string> details, string? help)
    {
        error.WriteLine($"error: {message}");
        foreach (var detail in details)
        {
            error.WriteLine($"error: {detail}");
        }

        if (help is not null)
        {
            error.WriteLine($"  help: {help}");
        }
    }
}
