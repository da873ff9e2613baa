using Airlock.Cli.AdminApi.Models;

namespace Airlock.Cli.AdminApi;

/// <summary>
/// The gateway refused or failed a request, or could not be reached. Carries the exit code it maps to, the server's
/// problem <c>detail</c>, each field error and a hint; never a secret value or the admin token.
/// </summary>
internal sealed class AdminApiException : Exception
{
    public AdminApiException()
        : this("the admin API request failed")
    {
    }

    public AdminApiException(string message)
        : this(message, ExitCodes.Unavailable)
    {
    }

    public AdminApiException(string message, Exception innerException)
        : base(message, innerException) => (ExitCode, Errors) = (ExitCodes.Unavailable, []);

    /// <summary>Creates the failure with its exit code, optional field errors and hint.</summary>
    public AdminApiException(string message, int exitCode, IReadOnlyList<ProblemField>? errors = null, string? help = null, int? status = null, string? code = null)
        : base(message)
    {
        ExitCode = exitCode;
        Errors = errors ?? [];
        Help = help;
        Status = status;
        Code = code;
    }

    /// <summary>The process exit code this failure means (docs/cli.md, "Exit codes").</summary>
    public int ExitCode { get; }

    /// <summary>The problem's <c>errors</c>: each field at fault and what is wrong with it.</summary>
    public IReadOnlyList<ProblemField> Errors { get; }

    /// <summary>How to fix it, when there is something useful to say.</summary>
    public string? Help { get; }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? Status { get; }

    /// <summary>The problem's <c>code</c> (<c>not_found</c>, <c>conflict</c>, …), when the gateway sent one.</summary>
    public string? Code { get; }
}
