namespace Airlock.Cedar;

/// <summary>
/// One problem found in Cedar source text (a policy, a schema, JSON data): what is wrong, where, and how to fix it.
/// Messages follow Cedar's style: lowercase, no trailing period, user input in backticks.
/// </summary>
/// <param name="Message">What is wrong.</param>
/// <param name="SourceName">The file (or other source) the text came from, when known.</param>
/// <param name="Line">1-based line of the start of the problem, or 0 when unknown.</param>
/// <param name="Column">1-based column (in UTF-16 code units) of the start of the problem, or 0 when unknown.</param>
/// <param name="Help">How to fix it, when there is something useful to say.</param>
public sealed record CedarDiagnostic(string Message, string? SourceName, int Line, int Column, string? Help = null)
{
    /// <summary>Renders <c>file:line:column: message</c> followed by an indented help line.</summary>
    public override string ToString()
    {
        var where = (SourceName ?? "<input>") + (Line > 0 ? $":{Line}:{Column}" : string.Empty);
        return Help is null ? $"{where}: {Message}" : $"{where}: {Message}\n  help: {Help}";
    }
}
