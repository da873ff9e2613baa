namespace Airlock.Cli.Output;

/// <summary>Prints a <see cref="UsageException"/> on stderr: what is wrong, how to fix it, and every located problem behind it.</summary>
internal static class ErrorWriter
{
    /// <summary>Writes <c>error: message</c>, an indented help line, then each diagnostic in <c>file:line:column</c> form.</summary>
    public static void Write(TextWriter error, UsageException exception)
    {
        error.WriteLine($"error: {exception.Message}");
        if (exception.Help is not null)
        {
            error.WriteLine($"  help: {exception.Help}");
        }

        foreach (var diagnostic in exception.Diagnostics)
        {
            DiagnosticWriter.WriteText(error, diagnostic);
        }
    }
}
