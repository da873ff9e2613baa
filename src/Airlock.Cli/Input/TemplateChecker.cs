namespace Airlock.Cli.Input;

/// <summary>
/// Checks credential templates: literal text with <c>{{secret:NAME}}</c> references. A <c>{{</c> that does not start a
/// well-formed reference is refused, so a typo such as <c>{{secrets:x}}</c> never goes out as literal text.
/// </summary>
internal static class TemplateChecker
{
    private const string Open = "{{";
    private const string Prefix = "{{secret:";
    private const string Close = "}}";

    /// <summary>Returns <paramref name="template"/> if it is well formed, or throws a <see cref="UsageException"/> naming the problem.</summary>
    public static string Check(string template, string where, bool allowEmpty = false)
    {
        if (template.Length == 0 && !allowEmpty)
        {
            throw new UsageException($"{where}: the template is empty", "write literal text and {{secret:NAME}} references, e.g. Bearer {{secret:github_token}}");
        }

        var control = template.IndexOfAny([.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c), '\u007f']);
        if (control >= 0)
        {
            throw new UsageException($"{where}: the template has a control character at position {control + 1}", "templates are one line of text");
        }

        for (var open = template.IndexOf(Open, StringComparison.Ordinal); open >= 0; open = template.IndexOf(Open, open, StringComparison.Ordinal))
        {
            if (!template.AsSpan(open).StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new UsageException(
                    $"{where}: `{template}` has `{{{{` at position {open + 1} that does not start a `{{{{secret:NAME}}}}` reference",
                    "secret references are written exactly {{secret:NAME}}, e.g. Bearer {{secret:github_token}}");
            }

            var close = template.IndexOf(Close, open, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new UsageException($"{where}: `{template}` has an unclosed `{{{{secret:` at position {open + 1}", "close the reference with }}");
            }

            AdminNames.Secret(template[(open + Prefix.Length)..close], $"{where}: the reference at position {open + 1}");
            open = close + Close.Length;
        }

        return template;
    }
}
