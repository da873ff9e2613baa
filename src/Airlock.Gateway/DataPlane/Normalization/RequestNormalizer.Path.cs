using System.Buffers;
using System.Text;

namespace Airlock.Gateway.DataPlane.Normalization;

public static partial class RequestNormalizer
{
    // RFC 3986 §2.3 unreserved and §2.2 sub-delims, plus ':' and '@': the characters of a path segment (pchar).
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private static readonly SearchValues<char> PathLiterals = SearchValues.Create("!$&'()*+,;=:@");

    /// <summary>
    /// The canonical form of <paramref name="rest"/> (the path after the service segment, starting with '/'), or why
    /// there is none. One pass: percent-encodings of unreserved characters are decoded, every other encoding is kept
    /// with uppercase hex, and the dangerous ones are refused.
    /// </summary>
    private static NormalizationFailure? CanonicalPath(string rest, out string? path)
    {
        path = null;
        var builder = new StringBuilder(rest.Length);
        var segmentStart = 0;
        var i = 0;
        while (i < rest.Length)
        {
            var c = rest[i];
            if (c == '/')
            {
                if (i > 0 && CheckSegment(builder, segmentStart, last: false) is { } segmentFailure)
                {
                    return segmentFailure;
                }

                builder.Append('/');
                segmentStart = builder.Length;
                i++;
            }
            else if (Unreserved.Contains(c) || PathLiterals.Contains(c))
            {
                builder.Append(c);
                i++;
            }
            else if (c == '%')
            {
                if (Escape(rest, i, builder, out var consumed) is { } escapeFailure)
                {
                    return escapeFailure;
                }

                i += consumed;
            }
            else
            {
                return new(NormalizationFailure.InvalidCharacter, c == '\\'
                    ? "the path contains `\\`; servers disagree on whether it separates segments, so it is refused — use `/`"
                    : $"the path contains `{c}`, which must be percent-encoded in a path (as `%{(int)c:X2}`)");
            }
        }

        if (CheckSegment(builder, segmentStart, last: true) is { } lastFailure)
        {
            return lastFailure;
        }

        path = builder.ToString();
        return null;
    }

    /// <summary>Refuses empty segments (except a trailing slash) and dot segments, also when followed by <c>;</c> parameters.</summary>
    private static NormalizationFailure? CheckSegment(StringBuilder builder, int start, bool last)
    {
        var length = builder.Length - start;
        if (length == 0)
        {
            return last ? null : new(NormalizationFailure.EmptySegment, "the path contains `//` (an empty segment); remove the extra `/`");
        }

        // A segment made only of dots before any ';' is '.' or '..' to somebody: RFC 3986 §5.2.4 resolves those,
        // Windows trims trailing dots, and Tomcat-style servers drop ";params" (so "..;" is "..").
        var dots = 0;
        while (dots < length && builder[start + dots] == '.')
        {
            dots++;
        }

        return dots > 0 && (dots == length || builder[start + dots] == ';')
            ? new(NormalizationFailure.DotSegment,
                "the path contains a `.` or `..` segment (literal or percent-encoded); send the resolved path instead, Airlock does not resolve it for you")
            : null;
    }

    /// <summary>Handles the percent-encoding at <paramref name="at"/>: appends its canonical form or says why it is refused.</summary>
    private static NormalizationFailure? Escape(string text, int at, StringBuilder builder, out int consumed)
    {
        consumed = 0;
        if (!TryHexByte(text, at, out var b))
        {
            return new(NormalizationFailure.InvalidPercentEncoding, "the path has a `%` that is not followed by two hex digits; write a literal `%` as `%25`");
        }

        if (b >= 0x80)
        {
            return Utf8Sequence(text, at, builder, out consumed);
        }

        consumed = 3;
        var decoded = (char)b;
        if (Unreserved.Contains(decoded))
        {
            // RFC 3986 §6.2.2.2: these encodings are equivalent to the character itself, so the canonical form has the character.
            builder.Append(decoded);
            return null;
        }

        if (decoded is '/' or '\\')
        {
            return new(NormalizationFailure.EncodedSeparator,
                $"the path contains `%{b:X2}`, an encoded `{decoded}`; servers disagree on whether it separates segments, so it is refused");
        }

        if (b < 0x20 || b == 0x7F)
        {
            return new(NormalizationFailure.ControlCharacter, $"the path contains `%{b:X2}`, an encoded control character; remove it");
        }

        if (decoded == '%' && TryHexByte(text, at + 2, out _, prefixed: false))
        {
            return new(NormalizationFailure.DoubleEncoding,
                $"the path contains `{text.AsSpan(at, 5)}`, a double percent-encoding; a server that decodes twice would read something else, so it is refused");
        }

        builder.Append('%').Append(HexUpper(b >> 4)).Append(HexUpper(b & 0xF));
        return null;
    }

    /// <summary>
    /// A run of encoded bytes ≥ 0x80 must be well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates), and no
    /// character in it may stand in for a separator or hide from a reader; the run is kept encoded, uppercase.
    /// </summary>
    private static NormalizationFailure? Utf8Sequence(string text, int at, StringBuilder builder, out int consumed)
    {
        var bytes = new List<byte>();
        var i = at;
        while (i < text.Length && text[i] == '%' && TryHexByte(text, i, out var b) && b >= 0x80)
        {
            bytes.Add(b);
            i += 3;
        }

        consumed = i - at;
        var span = bytes.ToArray().AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(span, out var rune, out var used) != OperationStatus.Done)
            {
                return new(NormalizationFailure.InvalidUtf8,
                    "the path has percent-encoded bytes that are not valid UTF-8 (truncated, overlong or surrogate sequences are refused); encode text as UTF-8");
            }

            if (ConfusableCharacters.IsRefused(rune))
            {
                return new(NormalizationFailure.ConfusableCharacter,
                    $"the path contains U+{rune.Value:X4}, which some servers read as `.`, `/`, `\\` or `%` or which is invisible; remove it");
            }

            span = span[used..];
        }

        foreach (var b in bytes)
        {
            builder.Append('%').Append(HexUpper(b >> 4)).Append(HexUpper(b & 0xF));
        }

        return null;
    }

    private static bool TryHexByte(string text, int at, out byte value, bool prefixed = true)
    {
        value = 0;
        var digits = prefixed ? at + 1 : at;
        if (digits + 2 > text.Length || (prefixed && text[at] != '%')
            || !char.IsAsciiHexDigit(text[digits]) || !char.IsAsciiHexDigit(text[digits + 1]))
        {
            return false;
        }

        value = (byte)((HexValue(text[digits]) << 4) | HexValue(text[digits + 1]));
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static char HexUpper(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
