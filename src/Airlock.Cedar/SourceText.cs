namespace Airlock.Cedar;

/// <summary>Maps character offsets in a source text to 1-based line and column numbers.</summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text, string? name = null)
    {
        Text = text;
        Name = name;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    public string Text { get; }

    public string? Name { get; }

    /// <summary>Returns the 1-based (line, column) of <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    /// <summary>Creates a diagnostic located at <paramref name="offset"/>.</summary>
    public CedarDiagnostic Diagnostic(int offset, string message, string? help = null)
    {
        var (line, column) = Locate(offset);
        return new CedarDiagnostic(message, Name, line, column, help);
    }
}
