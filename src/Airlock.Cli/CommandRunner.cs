using System.CommandLine;
using Airlock.Cedar;
using Airlock.Cli.Output;

namespace Airlock.Cli;

/// <summary>Runs a command's body and turns every failure into a message and an exit code, never a stack trace.</summary>
internal static class CommandRunner
{
    /// <summary>Invokes <paramref name="body"/> with the parse result's output writers and returns its exit code.</summary>
    public static int Run(ParseResult parse, Func<CommandIo, int> body)
    {
        var io = new CommandIo(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            return body(io);
        }
        catch (UsageException e)
        {
            ErrorWriter.Write(io.Error, e);
            return ExitCodes.Usage;
        }
        catch (CedarException e)
        {
            // Input problems the command did not anticipate are still input problems.
            ErrorWriter.Write(io.Error, new UsageException("invalid input", help: null, e.Diagnostics));
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // Anything else is a bug in airlock; report it in one line instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            io.Error.WriteLine($"error: internal error: {e.GetType().Name}: {e.Message}");
            io.Error.WriteLine("  help: this is a bug in airlock; please report it with the command line that caused it");
            return ExitCodes.Internal;
        }
    }
}
