using System.Globalization;
using System.Text;

namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Decodes the body of a quoted schema string with Rust's string-literal escapes, as the reference does.</summary>
internal static class StringLiteral
{
    /// <summary>Decodes <paramref name="body"/> (the text between the quotes); on failure returns null and describes the first bad escape.</summary>
    public static string? Unescape(string body, out string? error, out int errorIndex)
    {
        error = null;
        errorIndex = 0;
        var sb = new StringBuilder(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '\r')
            {
                // A bare carriage return is not allowed inside a Rust string literal.
                return Fail("a bare carriage return is not allowed in a string", i, out error, out errorIndex);
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            var start = i;
            if (i + 1 >= body.Length)
            {
                return Fail("a string cannot end with a lone `\\`", start, out error, out errorIndex);
            }

            var e = body[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '\\': sb.Append('\\'); break;
                case '0': sb.Append('\0'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'x':
                    if (!DecodeHex(body, ref i, sb))
                    {
                        return Fail($"invalid escape `{Snippet(body, start, i)}`: `\\x` takes two hex digits up to `7F`", start, out error, out errorIndex);
                    }

                    break;
                case 'u':
                    if (!DecodeUnicode(body, ref i, sb))
                    {
                        return Fail($"invalid escape `{Snippet(body, start, i)}`: write a Unicode scalar value as `\\u{{...}}` with 1 to 6 hex digits", start, out error, out errorIndex);
                    }

                    break;
                default:
                    return Fail($"invalid escape `{Snippet(body, start, i)}`", start, out error, out errorIndex);
            }
        }

        return sb.ToString();
    }

    private static bool DecodeHex(string body, ref int i, StringBuilder sb)
    {
        if (i + 2 > body.Length || !IsHex(body[i]) || !IsHex(body[i + 1]))
        {
            i = Math.Min(i + 2, body.Length);
            return false;
        }

        var value = int.Parse(body.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += 2;
        if (value > 0x7F)
        {
            return false;
        }

        sb.Append((char)value);
        return true;
    }

    private static bool DecodeUnicode(string body, ref int i, StringBuilder sb)
    {
        if (i >= body.Length || body[i] != '{')
        {
            return false;
        }

        i++;
        // The first character must be a digit; later ones may be digits or `_`, and at most 6 digits count.
        if (i >= body.Length || body[i] == '_' || body[i] == '}' || !IsHex(body[i]))
        {
            return false;
        }

        var digits = 0;
        long value = 0;
        while (i < body.Length && body[i] != '}')
        {
            var c = body[i++];
            if (c == '_')
            {
                continue;
            }

            if (!IsHex(c))
            {
                return false;
            }

            digits++;
            if (digits <= 6)
            {
                value = (value * 16) + HexValue(c);
            }
        }

        if (i >= body.Length || digits > 6 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        i++;
        sb.Append(char.ConvertFromUtf32((int)value));
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Snippet(string body, int start, int end) => body[start..Math.Min(Math.Max(end, start + 2), body.Length)];

    private static string? Fail(string message, int index, out string? error, out int errorIndex)
    {
        error = message;
        errorIndex = index;
        return null;
    }
}
