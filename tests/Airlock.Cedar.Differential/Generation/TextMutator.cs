using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// Damages policy text the way typing does: deletes, inserts and swaps characters and tokens, so that the
/// engines must agree on what parses (and, for what still parses, on what it means).
/// </summary>
public sealed partial class TextMutator(Rng rng)
{
    private static readonly string[] InsertedTokens =
    [
        "(", ")", "{", "}", "[", "]", ";", ",", ".", "::", "\"", "@", "==", "!=", "<", "<=", ">=", "&&", "||", "!", "-", "+", "*",
        "when", "unless", "in", "is", "has", "like", "if", "then", "else", "principal", "action", "resource", "context",
        "true", "false", "permit", "forbid", "?principal", "?resource", "0", "9223372036854775808", "\"a\"", "User", "Action::\"view\"",
        "//c\n", "/*", "\\", "\u00a0", "\t", "\n", "ü",
    ];

    private static readonly string Characters = "(){}[];,.:\"'@=!<>&|+-*/\\?_ aZ09\n\tü\u00a0";

    /// <summary>One to three random edits of the text.</summary>
    public string Mutate(string text)
    {
        for (var i = rng.Int(1, 3); i > 0; i--)
        {
            text = rng.Chance(0.5) ? MutateTokens(text) : MutateCharacters(text);
        }

        return text;
    }

    /// <summary>Random tokens, often shaped like the start of a policy: text no generator would write.</summary>
    public string Soup()
    {
        var start = rng.Chance(0.6) ? "permit ( principal , action , resource ) " : string.Empty;
        return start + string.Join(rng.Chance(0.5) ? " " : string.Empty, Enumerable.Range(0, rng.Int(1, 20)).Select(_ => rng.Pick(InsertedTokens)));
    }

    private string MutateCharacters(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var at = rng.Int(0, runes.Count);
        switch (rng.Int(0, 2))
        {
            case 0 when at < runes.Count:
                runes.RemoveAt(at);
                break;
            case 1 when at + 1 < runes.Count:
                (runes[at], runes[at + 1]) = (runes[at + 1], runes[at]);
                break;
            default:
                runes.Insert(at, new Rune(Characters[rng.Int(0, Characters.Length - 1)]));
                break;
        }

        var sb = new StringBuilder(text.Length + 2);
        foreach (var r in runes)
        {
            sb.Append(r.ToString());
        }

        return sb.ToString();
    }

    private string MutateTokens(string text)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            return rng.Pick(InsertedTokens);
        }

        var at = rng.Int(0, tokens.Count - 1);
        switch (rng.Int(0, 3))
        {
            case 0:
                tokens.RemoveAt(at);
                break;
            case 1:
                tokens.Insert(at, rng.Pick(InsertedTokens));
                break;
            case 2:
                tokens.Insert(at, tokens[at]);
                break;
            default:
                var other = rng.Int(0, tokens.Count - 1);
                (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                break;
        }

        return string.Join(" ", tokens);
    }

    // Strings (with escapes), identifiers, numbers, two-character operators, then any single character
    // (a surrogate pair counts as one, so that no edit leaves half of one behind).
    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|::|==|!=|<=|>=|&&|\|\||[\uD800-\uDBFF][\uDC00-\uDFFF]|\S
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
