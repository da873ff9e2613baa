using System.Globalization;
using System.Text;
using Airlock.Cedar.Values;

namespace Airlock.Cli.Input;

/// <summary>Reads an entity uid written as in a policy, <c>Type::"id"</c> or <c>Name::Space::Type::"id"</c>, with Cedar's string escapes.</summary>
internal static class EntityUidParser
{
    /// <summary>Parses <paramref name="text"/> given to <paramref name="option"/>, or throws a <see cref="UsageException"/> that shows the expected form.</summary>
    public static EntityUid Parse(string text, string option)
    {
        var quote = text.IndexOf('"', StringComparison.Ordinal);
        var head = quote < 0 ? text.Trim() : text[..quote].TrimEnd();
        if (quote < 0 || !head.EndsWith("::", StringComparison.Ordinal))
        {
            throw Invalid(text, option, head.Contains("::", StringComparison.Ordinal)
                ? "the id must be in double quotes"
                : "expected a type, `::` and a quoted id");
        }

        // Cedar allows spaces around `::`, as in `Airlock :: User :: "bob"`; the canonical name has none.
        var parts = head[..^2].Split("::").Select(p => p.Trim()).ToArray();
        if (!parts.All(IsIdentifier))
        {
            throw Invalid(text, option, $"`{head[..^2].Trim()}` is not an entity type name (identifiers separated by `::`)");
        }

        var type = string.Join("::", parts);
        var quoted = text[quote..].TrimEnd();
        if (quoted.Length < 2 || quoted[^1] != '"')
        {
            throw Invalid(text, option, "the id has no closing double quote");
        }

        return new EntityUid(type, Unescape(quoted[1..^1], text, option));
    }

    private static bool IsIdentifier(string part) =>
        part.Length > 0
        && (char.IsAsciiLetter(part[0]) || part[0] == '_')
        && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Unescape(string body, string text, string option)
    {
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"')
            {
                throw Invalid(text, option, "a double quote inside the id must be written `\\\"`");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i == body.Length)
            {
                throw Invalid(text, option, "the id ends with a lone backslash");
            }

            switch (body[i])
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case 'u': i = AppendUnicode(body, i, sb, text, option); break;
                default: throw Invalid(text, option, $"unknown escape `\\{body[i]}` in the id");
            }
        }

        return sb.ToString();
    }

    // Reads `u{hex}` starting at body[i] == 'u' and returns the index of the closing brace.
    private static int AppendUnicode(string body, int i, StringBuilder sb, string text, string option)
    {
        var close = body.IndexOf('}', i);
        if (i + 1 >= body.Length || body[i + 1] != '{' || close < 0)
        {
            throw Invalid(text, option, "a unicode escape is written `\\u{hex}`");
        }

        var hex = body[(i + 2)..close];
        if (hex.Length is 0 or > 6
            || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF
            || code is >= 0xD800 and <= 0xDFFF)
        {
            throw Invalid(text, option, $"`\\u{{{hex}}}` is not a valid unicode escape");
        }

        sb.Append(char.ConvertFromUtf32(code));
        return close;
    }

    private static UsageException Invalid(string text, string option, string reason) =>
        new(
            $"{option}: `{text}` is not an entity uid: {reason}",
            $"write it as in a policy, Type::\"id\", and quote it for the shell: {option} 'User::\"alice\"'");
}
