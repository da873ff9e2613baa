using System.Globalization;
using System.Text;
using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Parsing;

/// <summary>
/// Unescapes the body of a Cedar string literal (in policies and in schemas) with Rust's string-literal rules, which the reference uses:
/// <c>\n \r \t \\ \0 \' \"</c>, <c>\x</c> with two hex digits up to 7F, <c>\u{…}</c> with one to six hex digits,
/// and a backslash before a line break that skips the following whitespace.
/// </summary>
internal static class StringEscapes
{
    /// <summary>Unescapes <paramref name="body"/> (the text between the quotes); returns an error message on failure.</summary>
    public static string? TryUnescape(ReadOnlySpan<char> body, out string value) => TryUnescape(body, out value, out _);

    /// <summary>As <see cref="TryUnescape(ReadOnlySpan{char}, out string)"/>, also giving the offset in the body of the bad escape.</summary>
    public static string? TryUnescape(ReadOnlySpan<char> body, out string value, out int errorAt)
    {
        var sb = new StringBuilder(body.Length);
        var error = Walk(body, ch => sb.Append(ch), starEscape: null, out errorAt);
        value = sb.ToString();
        return error;
    }

    /// <summary>Unescapes a <c>like</c> pattern, where <c>*</c> is a wildcard and <c>\*</c> a literal star.</summary>
    public static string? TryUnescapePattern(ReadOnlySpan<char> body, out Pattern pattern)
    {
        var elements = new List<PatternElement>();
        var error = Walk(
            body,
            ch => elements.Add(ch == "*" ? PatternElement.Wildcard : PatternElement.Literal(ch)),
            starEscape: () => elements.Add(PatternElement.Literal("*")),
            out _);
        pattern = new Pattern(elements);
        return error;
    }

    private static string? Walk(ReadOnlySpan<char> s, Action<string> emit, Action? starEscape, out int errorAt)
    {
        var i = 0;
        errorAt = 0;
        while (i < s.Length)
        {
            errorAt = i;
            var c = s[i];
            if (c == '\r')
            {
                return "bare carriage return in string literal";
            }

            if (c != '\\')
            {
                var len = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                emit(s.Slice(i, len).ToString());
                i += len;
                continue;
            }

            if (i + 1 >= s.Length)
            {
                return "lone backslash at the end of a string literal";
            }

            var e = s[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': emit("\n"); break;
                case 'r': emit("\r"); break;
                case 't': emit("\t"); break;
                case '\\': emit("\\"); break;
                case '0': emit("\0"); break;
                case '\'': emit("'"); break;
                case '"': emit("\""); break;
                case '*' when starEscape is not null: starEscape(); break;
                case 'x':
                    {
                        if (i + 2 > s.Length || !IsHex(s[i]) || !IsHex(s[i + 1]))
                        {
                            return "invalid escape: `\\x` needs two hex digits";
                        }

                        var v = int.Parse(s.Slice(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (v > 0x7F)
                        {
                            return "invalid escape: `\\x` must be at most `\\x7F`; use `\\u{…}` for other characters";
                        }

                        emit(((char)v).ToString());
                        i += 2;
                        break;
                    }

                case 'u':
                    {
                        var error = UnicodeEscape(s, ref i, out var text);
                        if (error is not null)
                        {
                            return error;
                        }

                        emit(text);
                        break;
                    }

                case '\n':
                    while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
                    {
                        i++;
                    }

                    break;
                default:
                    return $"invalid escape `\\{e}` in string literal";
            }
        }

        return null;
    }

    private static string? UnicodeEscape(ReadOnlySpan<char> s, ref int i, out string text)
    {
        text = string.Empty;
        if (i >= s.Length || s[i] != '{')
        {
            return "invalid escape: `\\u` must be written `\\u{XXXX}`";
        }

        i++;
        if (i < s.Length && s[i] == '_')
        {
            return "invalid escape: `\\u{…}` may not start with `_`";
        }

        var value = 0;
        var digits = 0;
        while (true)
        {
            if (i >= s.Length)
            {
                return "invalid escape: unclosed `\\u{…}`";
            }

            var c = s[i++];
            if (c == '}')
            {
                break;
            }

            if (c == '_')
            {
                continue;
            }

            if (!IsHex(c))
            {
                return "invalid escape: invalid character in `\\u{…}`";
            }

            if (++digits > 6)
            {
                return "invalid escape: `\\u{…}` has more than six hex digits";
            }

            value = (value * 16) + Convert.ToInt32(c.ToString(), 16);
        }

        if (digits == 0)
        {
            return "invalid escape: empty `\\u{}`";
        }

        if (value is >= 0xD800 and <= 0xDFFF)
        {
            return "invalid escape: `\\u{…}` names a surrogate, which is not a character";
        }

        if (value > 0x10FFFF)
        {
            return "invalid escape: `\\u{…}` is beyond the last Unicode character U+10FFFF";
        }

        text = char.ConvertFromUtf32(value);
        return null;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
