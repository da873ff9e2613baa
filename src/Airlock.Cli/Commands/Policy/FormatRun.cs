using Airlock.Cedar;
using Airlock.Cedar.Formatting;
using Airlock.Cli.Formatting;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Policy;

/// <summary>One <c>format</c> invocation over one or more files: prints, rewrites or checks each, and tallies the outcome.</summary>
internal sealed class FormatRun(CommandIo io, bool write, bool check)
{
    private int unformatted;
    private int rewritten;
    private int failed;
    private int files;

    /// <summary>Formats one file according to the mode.</summary>
    public void Process(PolicyFile file)
    {
        files++;
        if (file.Policies is null)
        {
            failed++;
            foreach (var error in file.Errors)
            {
                DiagnosticWriter.WriteText(io.Error, error);
            }

            return;
        }

        var formatted = PolicyFileFormatter.Format(file.Text, file.Policies, file.Source);
        if (!write && !check)
        {
            io.Out.Write(formatted.Text);
            WriteLostComments(formatted, "warning");
            return;
        }

        if (formatted.Text == file.Text)
        {
            return;
        }

        unformatted++;
        if (check)
        {
            io.Out.WriteLine($"not formatted: {file.Path}");
            WriteLostComments(formatted, severity: null);
            return;
        }

        if (!formatted.IsLossless)
        {
            io.Out.WriteLine($"left unchanged: {file.Path} (formatting would drop a comment inside a policy)");
            WriteLostComments(formatted, severity: null);
            return;
        }

        EnsureSamePolicies(file, formatted.Text);
        InputFile.WriteTextAtomically(file.Path, formatted.Text);
        rewritten++;
        io.Out.WriteLine($"formatted: {file.Path}");
    }

    /// <summary>Prints a summary for <c>--check</c> and <c>--write</c> and returns the exit code.</summary>
    public int Finish()
    {
        if (write || check)
        {
            var remaining = unformatted - rewritten;
            var summary = check
                ? $"{unformatted} of {files} file(s) not formatted"
                : $"{rewritten} of {files} file(s) reformatted" + (remaining > 0 ? $", {remaining} left unchanged (see above)" : string.Empty);
            io.Out.WriteLine(failed > 0 ? $"{summary}; {failed} file(s) have syntax errors" : summary);
        }

        return failed > 0 || unformatted - rewritten > 0 ? ExitCodes.Invalid : ExitCodes.Success;
    }

    private void WriteLostComments(FormattedFile formatted, string? severity)
    {
        foreach (var lost in formatted.LostComments)
        {
            DiagnosticWriter.WriteText(io.Error, lost, severity);
        }
    }

    // The formatter must never change what a file means; re-parse the output and compare before overwriting.
    private static void EnsureSamePolicies(PolicyFile file, string text)
    {
        string after;
        try
        {
            after = PolicyFormatter.Format(PolicySet.Parse(text, file.Path));
        }
        catch (CedarException e)
        {
            throw new InvalidOperationException($"formatting `{file.Path}` produced text that does not parse ({e.Diagnostics[0].Message}); the file was left unchanged", e);
        }

        if (after != PolicyFormatter.Format(file.Policies!))
        {
            throw new InvalidOperationException($"formatting `{file.Path}` would change its policies; the file was left unchanged");
        }
    }
}
