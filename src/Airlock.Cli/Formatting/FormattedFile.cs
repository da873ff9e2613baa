using Airlock.Cedar;

namespace Airlock.Cli.Formatting;

/// <summary>The formatted text of one policy file, and the comments the formatter could not keep.</summary>
/// <param name="Text">The file in canonical layout.</param>
/// <param name="LostComments">Comments inside a policy, which the canonical layout has no place for; each located in the original file.</param>
internal sealed record FormattedFile(string Text, IReadOnlyList<CedarDiagnostic> LostComments)
{
    /// <summary>True when formatting keeps every comment, so the text can replace the file.</summary>
    public bool IsLossless => LostComments.Count == 0;
}
