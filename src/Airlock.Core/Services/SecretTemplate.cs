using System.Text;

namespace Airlock.Core.Services;

/// <summary>
/// A credential template: literal text with <c>{{secret:NAME}}</c> references, e.g.
/// <c>Bearer {{secret:github_token}}</c>. Parsing is strict so that a typo fails when the service is
/// registered, not on the first call: an unclosed or malformed <c>{{</c> is an error, and a literal
/// <c>{{</c> cannot be written (no upstream credential format needs one).
/// </summary>
public sealed class SecretTemplate
{
    private const string Open = "{{secret:";
    private const string Close = "}}";

    private readonly IReadOnlyList<Part> _parts;

    private SecretTemplate(string text, IReadOnlyList<Part> parts)
    {
        Text = text;
        _parts = parts;
        SecretNames = parts.Where(p => p.IsSecret).Select(p => p.Value).Distinct(StringComparer.Ordinal).ToArray();
    }

    public string Text { get; }

    /// <summary>The distinct secret names referenced, in order of first use.</summary>
    public IReadOnlyList<string> SecretNames { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and where (0-based offset).</summary>
    public static bool TryParse(string text, out SecretTemplate? template, out string? error)
    {
        template = null;
        error = null;
        if (text.Length == 0)
        {
            error = "is empty";
            return false;
        }

        if (text.Length > 4096)
        {
            error = "is longer than 4096 characters";
            return false;
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                error = $"has a control character at offset {i}; header and query values cannot carry one";
                return false;
            }

            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                if (string.CompareOrdinal(text, i, Open, 0, Open.Length) != 0)
                {
                    error = $"has '{{{{' at offset {i} that does not start a {{{{secret:NAME}}}} reference";
                    return false;
                }

                var nameStart = i + Open.Length;
                var end = text.IndexOf(Close, nameStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    error = $"has an unclosed {{{{secret:…}}}} reference at offset {i}; close it with '}}}}'";
                    return false;
                }

                var name = text[nameStart..end];
                if (!Names.IsValidSecretName(name))
                {
                    error = $"references '{name}' at offset {nameStart}, which is not a valid secret name ({Names.SecretNameRule})";
                    return false;
                }

                if (literal.Length > 0)
                {
                    parts.Add(new Part(literal.ToString(), IsSecret: false));
                    literal.Clear();
                }

                parts.Add(new Part(name, IsSecret: true));
                i = end + Close.Length;
                continue;
            }

            literal.Append(c);
            i++;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), IsSecret: false));
        }

        template = new SecretTemplate(text, parts);
        return true;
    }

    /// <summary>Renders the template with <paramref name="resolve"/> supplying each referenced secret's value.</summary>
    public string Render(Func<string, string> resolve)
    {
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.IsSecret ? resolve(part.Value) : part.Value);
        }

        return builder.ToString();
    }

    public override string ToString() => Text;

    private readonly record struct Part(string Value, bool IsSecret);
}
