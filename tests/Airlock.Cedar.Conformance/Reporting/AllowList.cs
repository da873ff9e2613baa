namespace Airlock.Cedar.Conformance.Reporting;

/// <summary>
/// Tests whose failures are reported but not counted: one test path per line, each with a <c># reason</c>.
/// An entry is a known gap to fix, so the list should stay empty.
/// </summary>
public sealed class AllowList
{
    private readonly Dictionary<string, string> reasons;

    private AllowList(Dictionary<string, string> reasons) => this.reasons = reasons;

    public static AllowList Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The listed test paths with their reasons.</summary>
    public IReadOnlyDictionary<string, string> Entries => reasons;

    /// <summary>Reads an allow-list file; an entry without a reason is refused, since nobody could tell when to remove it.</summary>
    public static AllowList Load(string path)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0 || line[(hash + 1)..].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: `{line}` has no `# reason`");
            }

            reasons[line[..hash].Trim()] = line[(hash + 1)..].Trim();
        }

        return new AllowList(reasons);
    }

    public bool Contains(string testPath) => reasons.ContainsKey(testPath);
}
