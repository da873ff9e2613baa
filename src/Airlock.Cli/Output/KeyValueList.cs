namespace Airlock.Cli.Output;

/// <summary>One object for people: a <c>key  value</c> line per field, keys aligned, as <c>vault read</c> prints.</summary>
internal sealed class KeyValueList
{
    private readonly List<(string Key, string Value)> fields = [];

    /// <summary>Adds a field; the value is shown as <see cref="TextTable.Cell"/> shows it.</summary>
    public KeyValueList Add(string key, string? value)
    {
        fields.Add((key, TextTable.Cell(value)));
        return this;
    }

    /// <summary>Writes the fields.</summary>
    public void Write(TextWriter output)
    {
        var width = fields.Max(f => f.Key.Length) + 2;
        foreach (var (key, value) in fields)
        {
            output.WriteLine(key.PadRight(width) + value);
        }
    }
}
