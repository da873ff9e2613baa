using System.Text;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Ast;

/// <summary>A <c>like</c> pattern: literal text and <c>*</c> wildcards that match any sequence of characters.</summary>
public sealed class Pattern
{
    // The literal runs between wildcards; matching is a greedy scan, linear in the input for one run,
    // so hostile patterns cannot cause catastrophic backtracking.
    private readonly string[] segments;

    public Pattern(IReadOnlyList<PatternElement> elements)
    {
        Elements = elements;
        var runs = new List<string>();
        var current = new StringBuilder();
        var sawWildcard = false;
        foreach (var e in elements)
        {
            if (e.IsWildcard)
            {
                runs.Add(current.ToString());
                current.Clear();
                sawWildcard = true;
            }
            else
            {
                current.Append(e.Text);
            }
        }

        runs.Add(current.ToString());
        segments = [.. runs];
        HasWildcard = sawWildcard;
    }

    public IReadOnlyList<PatternElement> Elements { get; }

    public bool HasWildcard { get; }

    /// <summary>True when the whole of <paramref name="input"/> matches the pattern.</summary>
    public bool IsMatch(string input)
    {
        if (!HasWildcard)
        {
            return string.Equals(input, segments[0], StringComparison.Ordinal);
        }

        var first = segments[0];
        var last = segments[^1];
        if (input.Length < first.Length + last.Length
            || !input.AsSpan().StartsWith(first, StringComparison.Ordinal)
            || !input.AsSpan().EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var position = first.Length;
        var limit = input.Length - last.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                continue;
            }

            var found = input.AsSpan(position, limit - position).IndexOf(segment, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position += found + segment.Length;
        }

        return true;
    }

    /// <summary>Renders the pattern as a quoted Cedar string literal, escaping literal stars.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("\"");
        foreach (var e in Elements)
        {
            sb.Append(e.IsWildcard ? "*" : CedarString.Quote(e.Text)[1..^1].Replace("*", "\\*", StringComparison.Ordinal));
        }

        return sb.Append('"').ToString();
    }
}
