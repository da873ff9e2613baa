using System.Globalization;
using System.Text;

namespace Airlock.Cli.Output;

/// <summary>Plain aligned columns for people: a header row in capitals, two spaces between columns, no trailing padding.</summary>
internal sealed class TextTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public TextTable(params string[] headers) => this.headers = headers;

    /// <summary>Adds a row; control characters in cells are escaped so server-sent text cannot garble the terminal.</summary>
    public void Add(params string?[] cells) => rows.Add([.. cells.Select(Cell)]);

    /// <summary>Writes the table, or <paramref name="empty"/> when there are no rows.</summary>
    public void Write(TextWriter output, string empty)
    {
        if (rows.Count == 0)
        {
            output.WriteLine(empty);
            return;
        }

        var widths = headers.Select((h, i) => rows.Max(r => r[i].Length) is var w && w > h.Length ? w : h.Length).ToArray();
        WriteRow(output, headers, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    /// <summary>Formats a time as RFC 3339 UTC to the second, or <c>-</c>.</summary>
    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Joins a list with commas, or <c>-</c> when it is empty.</summary>
    public static string List(IEnumerable<string>? values) =>
        values is null || !values.Any() ? "-" : string.Join(',', values);

    /// <summary>Shows text with control characters escaped, or <c>-</c> when it is null or empty.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}
