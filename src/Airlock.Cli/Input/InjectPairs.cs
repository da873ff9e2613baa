namespace Airlock.Cli.Input;

/// <summary>
/// Splits the <c>key=value;key=value</c> part of a <c>basic:</c> or <c>oauth2:</c> inject spec. A <c>;</c> ends a value only
/// where a <c>word=</c> follows, so templates may contain other semicolons.
/// </summary>
internal static class InjectPairs
{
    /// <summary>Splits <paramref name="text"/>, refusing unknown, repeated and missing keys.</summary>
    public static Dictionary<string, string> Split(
        string text, string option, string kind, IReadOnlyList<string> keys, IReadOnlyList<string> required, string example)
    {
        var help = $"write {kind}:{string.Join(';', keys.Select(k => $"{k}=…"))} ({string.Join(", ", keys.Except(required))} optional), e.g. {example}";
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // A pair starts at the beginning and after each `;` followed by `word=`.
            if (i < text.Length && !(i == 0 || (text[i - 1] == ';' && KeyAt(text, i) is not null)))
            {
                continue;
            }

            if (key is not null)
            {
                var end = i == text.Length ? i : i - 1;
                pairs[key] = text[start..end];
            }

            if (i == text.Length)
            {
                break;
            }

            var next = KeyAt(text, i) ?? throw new UsageException(
                $"{option}: `{kind}:{AdminNames.Shown(text)}` should start with a key and `=`", help);
            if (!keys.Contains(next))
            {
                throw new UsageException($"{option}: `{next}` is not a key of `{kind}:`; the keys are {string.Join(", ", keys)}", help);
            }

            if (pairs.ContainsKey(next) || next == key)
            {
                throw new UsageException($"{option}: `{next}` is given twice", help);
            }

            key = next;
            start = i + next.Length + 1;
        }

        var missing = required.Where(k => !pairs.ContainsKey(k)).ToList();
        return missing.Count == 0
            ? pairs
            : throw new UsageException($"{option}: `{kind}:` needs {string.Join(" and ", missing.Select(k => $"`{k}=`"))}", help);
    }

    // A key is lowercase letters and `_` directly followed by `=`.
    private static string? KeyAt(string text, int index)
    {
        var end = index;
        while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end > index && end < text.Length && text[end] == '=' ? text[index..end] : null;
    }
}
