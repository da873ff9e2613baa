using Airlock.Cedar.Ast;

namespace Airlock.Cli.Input;

/// <summary>Where a policy came from: its id across all loaded files, its file, and the line and column it starts at.</summary>
internal sealed record PolicyOrigin(string Id, Policy Policy, string File, int Line, int Column)
{
    /// <summary>The <c>file:line:column</c> of the policy's first character (its first annotation, if any).</summary>
    public string Location => $"{File}:{Line}:{Column}";
}
