namespace Airlock.Cli.Tests;

/// <summary>What one run of the airlock process produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Shows everything the process printed, so a failed assertion explains itself.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
