using System.Buffers.Text;
using System.Text;

namespace Airlock.Core.Leaks;

/// <summary>
/// The byte strings a secret can appear as in an HTTP message: raw, base64 (standard and url-safe, at each of the three
/// alignments inside a larger blob), hex, percent-encoded as common encoders emit it, and JSON-escaped as common
/// serializers emit it. Variants are deduplicated; most secrets produce 10–20.
/// </summary>
internal static class SecretEncodings
{
    // Which bytes each percent-encoder leaves literal. Every encoder escapes all other bytes as %XX of the UTF-8 bytes.
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly PercentProfile[] PercentProfiles =
    [
        new("", SpaceAsPlus: false, Upper: true),                // every byte escaped
        new("", SpaceAsPlus: false, Upper: false),
        new(Alnum + "-._~", SpaceAsPlus: false, Upper: true),     // RFC 3986 unreserved: Uri.EscapeDataString, Python quote, Go PathEscape
        new(Alnum + "-._~", SpaceAsPlus: false, Upper: false),
        new(Alnum + "-._~", SpaceAsPlus: true, Upper: true),      // Go QueryEscape, Python quote_plus, FormUrlEncodedContent
        new(Alnum + "*-._", SpaceAsPlus: true, Upper: true),      // WHATWG application/x-www-form-urlencoded (URLSearchParams)
        new(Alnum + "-_.!~*'()", SpaceAsPlus: false, Upper: true), // JavaScript encodeURIComponent
        new(Alnum + "-_.!*()", SpaceAsPlus: true, Upper: true),   // WebUtility.UrlEncode
        new(Alnum + "-_.!*()", SpaceAsPlus: true, Upper: false),  // HttpUtility.UrlEncode
    ];

    private static readonly JsonProfile[] JsonProfiles =
    [
        new(QuoteAsUnicode: false, EscapeSolidus: false, EscapeNonAscii: false, EscapeHtml: HtmlEscape.None, Upper: true),  // RFC 8259 minimum: Newtonsoft, serde_json
        new(QuoteAsUnicode: false, EscapeSolidus: false, EscapeNonAscii: false, EscapeHtml: HtmlEscape.None, Upper: false), // JSON.stringify (lower-case \u001f)
        new(QuoteAsUnicode: false, EscapeSolidus: true, EscapeNonAscii: false, EscapeHtml: HtmlEscape.None, Upper: false),  // PHP JSON_UNESCAPED_UNICODE
        new(QuoteAsUnicode: false, EscapeSolidus: true, EscapeNonAscii: true, EscapeHtml: HtmlEscape.None, Upper: false),   // PHP json_encode default
        new(QuoteAsUnicode: false, EscapeSolidus: false, EscapeNonAscii: true, EscapeHtml: HtmlEscape.None, Upper: false),  // Python json.dumps default
        new(QuoteAsUnicode: false, EscapeSolidus: false, EscapeNonAscii: true, EscapeHtml: HtmlEscape.None, Upper: true),
        new(QuoteAsUnicode: true, EscapeSolidus: false, EscapeNonAscii: true, EscapeHtml: HtmlEscape.DotNet, Upper: true),  // System.Text.Json default encoder
        new(QuoteAsUnicode: true, EscapeSolidus: false, EscapeNonAscii: false, EscapeHtml: HtmlEscape.DotNet, Upper: true), // System.Text.Json, JavaScriptEncoder.Create(UnicodeRanges.All)
        new(QuoteAsUnicode: false, EscapeSolidus: false, EscapeNonAscii: false, EscapeHtml: HtmlEscape.Go, Upper: false),   // Go encoding/json
    ];

    private enum HtmlEscape
    {
        None,
        DotNet, // + < > & ' ` as \u00XX (JavaScriptEncoder.Default)
        Go,     // < > & as \u00xx
    }

    /// <summary>Every distinct encoded form of <paramref name="value"/>, each with the form's name.</summary>
    public static List<(string Form, byte[] Bytes)> Variants(ReadOnlySpan<byte> value)
    {
        var seen = new HashSet<byte[]>(ByteArrayComparer.Instance);
        var result = new List<(string, byte[])>();
        void Add(string form, byte[] bytes)
        {
            if (bytes.Length > 0 && seen.Add(bytes))
            {
                result.Add((form, bytes));
            }
        }

        Add("raw", value.ToArray());
        Add("hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(value)));
        Add("HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(value)));
        foreach (var profile in PercentProfiles)
        {
            Add("percent", Percent(value, profile));
        }

        var text = TryDecodeUtf8(value);
        foreach (var profile in JsonProfiles)
        {
            if (text is not null || !profile.EscapeNonAscii)
            {
                Add("json", Json(value, text, profile));
            }
        }

        for (var alignment = 0; alignment < 3; alignment++)
        {
            var standard = Base64Inner(value, alignment);
            Add("base64", standard);
            Add("base64url", ToUrlSafe(standard));

            // Base64 is itself often escaped on the way out: '+' and '/' by JSON serializers and URL encoders.
            foreach (var profile in JsonProfiles)
            {
                Add("base64+json", Json(standard, Encoding.ASCII.GetString(standard), profile));
            }

            Add("base64+percent", Percent(standard, PercentProfiles[2]));
            Add("base64+percent", Percent(standard, PercentProfiles[3]));
        }

        return result;
    }

    /// <summary>
    /// The characters of the base64 encoding that depend only on the secret's bytes when the secret starts
    /// <paramref name="alignment"/> bytes into a 3-byte group: the first character whose 6 bits all lie inside the
    /// secret up to the last such character. Characters that mix in neighbouring bytes (or padding) are left out.
    /// </summary>
    internal static byte[] Base64Inner(ReadOnlySpan<byte> value, int alignment)
    {
        var padded = new byte[alignment + value.Length + 2];
        value.CopyTo(padded.AsSpan(alignment));
        var encoded = new byte[Base64.GetMaxEncodedToUtf8Length(padded.Length)];
        Base64.EncodeToUtf8(padded, encoded, out _, out _);

        // Character k covers bits [6k, 6k + 6); the secret covers bits [8a, 8(a + n)).
        var first = ((8 * alignment) + 5) / 6;
        var end = 8 * (alignment + value.Length) / 6;
        return encoded.AsSpan(first, Math.Max(0, end - first)).ToArray();
    }

    private static byte[] ToUrlSafe(byte[] standard)
    {
        var copy = (byte[])standard.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = copy[i] switch
            {
                (byte)'+' => (byte)'-',
                (byte)'/' => (byte)'_',
                var b => b,
            };
        }

        return copy;
    }

    private static byte[] Percent(ReadOnlySpan<byte> value, PercentProfile profile)
    {
        var hex = profile.Upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var output = new List<byte>(value.Length * 3);
        foreach (var b in value)
        {
            if (b == (byte)' ' && profile.SpaceAsPlus)
            {
                output.Add((byte)'+');
            }
            else if (b < 0x80 && profile.Literal.Contains((char)b, StringComparison.Ordinal))
            {
                output.Add(b);
            }
            else
            {
                output.Add((byte)'%');
                output.Add((byte)hex[b >> 4]);
                output.Add((byte)hex[b & 0xF]);
            }
        }

        return [.. output];
    }

    /// <summary>JSON string content (without the quotes) as <paramref name="profile"/> escapes it.</summary>
    private static byte[] Json(ReadOnlySpan<byte> value, string? text, JsonProfile profile)
    {
        var hex = profile.Upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var output = new List<byte>(value.Length + 8);
        void Unicode(int unit)
        {
            output.Add((byte)'\\');
            output.Add((byte)'u');
            output.Add((byte)hex[(unit >> 12) & 0xF]);
            output.Add((byte)hex[(unit >> 8) & 0xF]);
            output.Add((byte)hex[(unit >> 4) & 0xF]);
            output.Add((byte)hex[unit & 0xF]);
        }

        void Short(char c)
        {
            output.Add((byte)'\\');
            output.Add((byte)c);
        }

        if (profile.EscapeNonAscii)
        {
            // Escaping non-ASCII works on UTF-16 units (surrogate pairs as two escapes), so it needs the text.
            foreach (var c in text!)
            {
                if (c >= 0x80)
                {
                    Unicode(c);
                }
                else
                {
                    EscapeAscii((byte)c);
                }
            }
        }
        else
        {
            foreach (var b in value)
            {
                if (b >= 0x80)
                {
                    output.Add(b);
                }
                else
                {
                    EscapeAscii(b);
                }
            }
        }

        return [.. output];

        void EscapeAscii(byte b)
        {
            switch (b)
            {
                case (byte)'"' when profile.QuoteAsUnicode: Unicode(b); break;
                case (byte)'"': Short('"'); break;
                case (byte)'\\': Short('\\'); break;
                case (byte)'/' when profile.EscapeSolidus: Short('/'); break;
                case (byte)'\n': Short('n'); break;
                case (byte)'\r': Short('r'); break;
                case (byte)'\t': Short('t'); break;
                case 0x08: Short('b'); break;
                case 0x0C: Short('f'); break;
                case < 0x20: Unicode(b); break;
                case (byte)'+' or (byte)'\'' or (byte)'`' or 0x7F when profile.EscapeHtml == HtmlEscape.DotNet: Unicode(b); break;
                case (byte)'<' or (byte)'>' or (byte)'&' when profile.EscapeHtml != HtmlEscape.None: Unicode(b); break;
                default: output.Add(b); break;
            }
        }
    }

    private static string? TryDecodeUtf8(ReadOnlySpan<byte> value)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(value);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private sealed record PercentProfile(string Literal, bool SpaceAsPlus, bool Upper);

    private sealed record JsonProfile(bool QuoteAsUnicode, bool EscapeSolidus, bool EscapeNonAscii, HtmlEscape EscapeHtml, bool Upper);
}
