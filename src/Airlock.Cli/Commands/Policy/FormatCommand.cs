using System.CommandLine;
using Airlock.Cli.Input;

namespace Airlock.Cli.Commands.Policy;

/// <summary><c>airlock policy format</c>: prints, rewrites or checks policy files in the canonical layout.</summary>
internal static class FormatCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policies = PolicyOptions.Policies();
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files in place instead of printing them." };
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that are not formatted and exit 1 if there are any (for CI)." };
        var command = new Command(
            "format",
            "Format policies in the canonical layout. Comments between policies are kept; a comment inside a policy cannot be, so --write leaves such a file alone and says where the comment is.\n\n" +
            "Exit codes: 0 formatted (or printed); 1 not formatted (--check, or --write that had to skip a file) or syntax errors; 2 bad usage or unreadable file.")
        {
            policies,
            write,
            check,
        };

        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            if (parse.GetValue(write) && parse.GetValue(check))
            {
                throw new UsageException("--write and --check cannot be used together", "use --check in CI to verify, --write to fix");
            }

            var path = parse.GetRequiredValue(policies);
            var files = PolicyFiles.Expand(path, "--policies");
            if (!parse.GetValue(write) && !parse.GetValue(check) && files.Count > 1)
            {
                throw new UsageException($"--policies: `{path}` holds {files.Count} files; printing them would mix them up", "pass one file, or use --write or --check for a directory");
            }

            var runner = new FormatRun(io, parse.GetValue(write), parse.GetValue(check));
            foreach (var file in files)
            {
                runner.Process(PolicyFile.Load(file, "--policies"));
            }

            return runner.Finish();
        }));
        return command;
    }
}
