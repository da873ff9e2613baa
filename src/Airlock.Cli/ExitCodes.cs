namespace Airlock.Cli;

/// <summary>The process exit codes of every <c>airlock</c> command; scripts and CI depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: policies are valid, the request is allowed, the file is formatted.</summary>
    public const int Success = 0;

    /// <summary>The policies are invalid, or <c>format --check</c> found a file that is not formatted.</summary>
    public const int Invalid = 1;

    /// <summary>The command could not run: a bad option, a missing file, or input (schema, entities, context, entity uid) that does not parse.</summary>
    public const int Usage = 2;

    /// <summary>The authorization request was denied.</summary>
    public const int Deny = 3;

    /// <summary>A bug in airlock itself; the message says what failed.</summary>
    public const int Internal = 4;

    /// <summary>The exit-code table shown in <c>--help</c> and mirrored in docs/cli.md.</summary>
    public const string HelpText =
        "Exit codes: 0 success (valid, allowed, formatted); 1 policies invalid or not formatted; " +
        "2 bad usage or unreadable input; 3 denied; 4 internal error.";
}
