namespace Airlock.Cli;

/// <summary>The process exit codes of every <c>airlock</c> command; scripts and CI depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: policies are valid, the request is allowed, the file is formatted, the gateway did it.</summary>
    public const int Success = 0;

    /// <summary>The policies are invalid, <c>format --check</c> found a file that is not formatted, or the gateway rejected the request as invalid (400, 422).</summary>
    public const int Invalid = 1;

    /// <summary>The command could not run: a bad option, a missing file, input that does not parse, no admin token; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The authorization request was denied, or the gateway refused the admin token (401, 403).</summary>
    public const int Deny = 3;

    /// <summary>A bug in airlock itself; the message says what failed.</summary>
    public const int Internal = 4;

    /// <summary>The gateway has no such secret, service, agent, session, token or budget (404).</summary>
    public const int NotFound = 5;

    /// <summary>The gateway already has it: a secret, service, agent … with that name (409).</summary>
    public const int Conflict = 6;

    /// <summary>The gateway could not be reached (connection refused, timeout) or failed (5xx); the message says which address was tried.</summary>
    public const int Unavailable = 7;

    /// <summary>The exit-code table shown in <c>--help</c> and mirrored in docs/cli.md.</summary>
    public const string HelpText =
        "Exit codes: 0 success (valid, allowed, formatted, done); 1 invalid (policies invalid or not formatted; request rejected by the gateway, 400/422); " +
        "2 bad usage or unreadable input, nothing sent; 3 denied (request denied; admin token refused, 401/403); 4 internal error; " +
        "5 not found (404); 6 conflict: already exists (409); 7 gateway unreachable or failed (5xx).";

    /// <summary>The exit codes of the commands that call the gateway's admin API, for their <c>--help</c>.</summary>
    public const string AdminHelpText =
        "Exit codes: 0 success; 1 rejected as invalid (400/422); 2 bad usage, nothing sent; 3 admin token refused (401/403); " +
        "4 internal error; 5 not found (404); 6 already exists (409); 7 gateway unreachable or failed (5xx).";
}
