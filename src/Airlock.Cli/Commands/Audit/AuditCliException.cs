namespace Airlock.Cli.Commands.Audit;

/// <summary>An audit command failed in a way that has its own exit code (gateway refused, unreachable, not found).</summary>
internal sealed class AuditCliException(int exitCode, string message, string? help = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string? Help { get; } = help;
}
