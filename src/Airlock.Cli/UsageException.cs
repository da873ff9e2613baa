using Airlock.Cedar;

namespace Airlock.Cli;

/// <summary>Input the command cannot work with; reported on stderr as what is wrong, where, and how to fix it, with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : this("invalid usage")
    {
    }

    public UsageException(string message)
        : this(message, help: null)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>Creates the error with an optional hint and the located problems behind it.</summary>
    public UsageException(string message, string? help, IReadOnlyList<CedarDiagnostic>? diagnostics = null)
        : base(message)
    {
        Help = help;
        Diagnostics = diagnostics ?? [];
    }

    /// <summary>How to fix it, when there is something useful to say.</summary>
    public string? Help { get; }

    /// <summary>Located problems (file:line:column) in the input, each with its own hint.</summary>
    public IReadOnlyList<CedarDiagnostic> Diagnostics { get; }
}
