using Airlock.Cedar;

namespace Airlock.Cli.Input;

/// <summary>One policy file as read from disk: its text, and either its parsed policies or its syntax errors.</summary>
internal sealed class PolicyFile
{
    private PolicyFile(string path, string text, PolicySet? policies, IReadOnlyList<CedarDiagnostic> errors)
    {
        Path = path;
        Text = text;
        Source = new SourceText(text, path);
        Policies = policies;
        Errors = errors;
    }

    /// <summary>The path as the user wrote it (joined with the file name for a directory), used in every message.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>Maps offsets in <see cref="Text"/> to lines and columns.</summary>
    public SourceText Source { get; }

    /// <summary>The parsed policies, or null when the file has syntax errors.</summary>
    public PolicySet? Policies { get; }

    /// <summary>Every syntax error in the file, empty when it parsed.</summary>
    public IReadOnlyList<CedarDiagnostic> Errors { get; }

    /// <summary>Reads and parses <paramref name="path"/>; syntax errors are kept, not thrown, so that all files can be reported at once.</summary>
    public static PolicyFile Load(string path, string option)
    {
        var text = InputFile.ReadText(path, option);
        try
        {
            return new PolicyFile(path, text, PolicySet.Parse(text, path), []);
        }
        catch (CedarException e)
        {
            return new PolicyFile(path, text, null, e.Diagnostics);
        }
    }
}
