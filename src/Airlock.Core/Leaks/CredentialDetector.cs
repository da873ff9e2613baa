using System.Text;

namespace Airlock.Core.Leaks;

/// <summary>
/// One well-known credential format: literal prefixes (the keyword prefilter, matched by the same automaton as the
/// secrets), the bytes a token of this kind is made of, its length bounds, and an optional structural check. A token
/// is the maximal run of body bytes after a prefix; it starts only where the byte before it is not a word or body
/// byte. Checks are hand-written single passes over a bounded run, so they are linear and cannot backtrack.
/// </summary>
internal sealed class CredentialDetector
{
    private CredentialDetector(string kind, string[] prefixes, string body, int minLength, int maxLength, Func<ReadOnlySpan<byte>, int>? validate, bool isPem)
    {
        Kind = kind;
        Prefixes = [.. prefixes.Select(Encoding.ASCII.GetBytes)];
        MinLength = minLength;
        MaxLength = maxLength;
        Validate = validate;
        IsPem = isPem;
        Replacement = Encoding.ASCII.GetBytes($"[REDACTED:detector:{kind}]");
        Body = new bool[256];
        foreach (var c in Expand(body))
        {
            Body[c] = true;
        }

        foreach (var prefix in Prefixes)
        {
            foreach (var b in prefix)
            {
                Body[b] = true;
            }
        }

        // Word bytes and body bytes before a prefix mean we are in the middle of something else.
        BlocksStart = new bool[256];
        if (!isPem)
        {
            for (var b = 0; b < 256; b++)
            {
                BlocksStart[b] = Body[b] || char.IsAsciiLetterOrDigit((char)b) || b == '_';
            }
        }
        else
        {
            BlocksStart['-'] = true;
        }
    }

    public string Kind { get; }

    public byte[][] Prefixes { get; }

    /// <summary>Bytes a token of this kind may contain (prefix bytes included).</summary>
    public bool[] Body { get; }

    /// <summary>Bytes that, just before a prefix, mean the prefix is inside a longer word and no token starts.</summary>
    public bool[] BlocksStart { get; }

    public int MinLength { get; }

    /// <summary>The longest token of this kind; a longer run is not this kind of token (PEM: redacted up to here).</summary>
    public int MaxLength { get; }

    /// <summary>Given a complete run, the token's length (0: not a token). Null: the run's length if within bounds.</summary>
    public Func<ReadOnlySpan<byte>, int>? Validate { get; }

    /// <summary>PEM blocks are tracked by header and footer instead of a plain run (see <see cref="StreamingRedactor"/>).</summary>
    public bool IsPem { get; }

    public byte[] Replacement { get; }

    public const int PemMaxLength = 16 * 1024;
    public const int PemMaxHeaderLength = 80;

    private const string Base62 = "A-Za-z0-9";
    private const string Base64Url = "A-Za-z0-9_-";

    /// <summary>The built-in formats (docs/leaks.md lists them with their sources).</summary>
    public static IReadOnlyList<CredentialDetector> BuiltIn { get; } =
    [
        // AWS access key ids: AKIA (long-term), ASIA (STS temporary), ABIA (STS service bearer token), ACCA
        // (context-specific credential), and 16 upper-case letters and digits (AWS STS GetAccessKeyInfo; IAM unique ids).
        new("aws-access-key-id", ["AKIA", "ASIA", "ABIA", "ACCA"], "A-Z0-9", 20, 20, null, false),
        // GitHub: ghp_/gho_/ghu_/ghs_/ghr_ and 36 base62 characters today; GitHub says to expect up to 255 (changelog
        // 2021-03-31, "Authentication token format updates").
        new("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], Base62, 40, 255, null, false),
        // Fine-grained personal access tokens: github_pat_ then 82 of base62 and '_'.
        new("github-token", ["github_pat_"], Base62 + "_", 40, 255, null, false),
        // Slack: bot, user, legacy, refresh, app-level (xapp-) and browser-session (xoxc-, xoxd- cookie, URL-encoded) tokens.
        new("slack-token", ["xoxa-", "xoxb-", "xoxc-", "xoxd-", "xoxe-", "xoxo-", "xoxp-", "xoxr-", "xoxs-", "xapp-"], Base62 + "%-", 15, 255, null, false),
        // Stripe live secret and restricted keys.
        new("stripe-key", ["sk_live_", "rk_live_"], Base62, 28, 255, null, false),
        // Anthropic: sk-ant-api03-…, sk-ant-admin01-…
        new("anthropic-key", ["sk-ant-"], Base64Url, 40, 512, null, false),
        // OpenAI: legacy sk- and 48 base62, sk-proj-/sk-svcacct-/sk-admin- and ~160 of base64url.
        new("openai-key", ["sk-", "sk-proj-", "sk-svcacct-", "sk-admin-"], Base64Url, 40, 512, null, false),
        // Google API keys: AIza and 35 of base64url, 39 in all.
        new("google-api-key", ["AIza"], Base64Url, 39, 39, null, false),
        // JSON Web Tokens: three or more base64url segments, the first a JSON object ("eyJ" is base64 of `{"`).
        new("jwt", ["eyJ"], "." + Base64Url, 30, 8 * 1024, ValidateJwt, false),
        // Airlock's own admin tokens (docs/admin-api.md): stored only as hashes, so only their format can catch them.
        new("airlock-admin-token", ["airlock_admin_"], Base64Url, 57, 57, null, false),
        // PEM private keys: from the BEGIN header to the END footer, JSON-escaped newlines included.
        new("private-key", ["-----BEGIN "], "A-Za-z0-9+/= \t\r\n:,.\\\\\\-", PemMaxHeaderLength, PemMaxLength, null, true),
    ];

    /// <summary>Whether <paramref name="header"/> (the bytes from <c>-----BEGIN </c> through the closing dashes) names a private key.</summary>
    public static bool IsPrivateKeyHeader(ReadOnlySpan<byte> header)
    {
        // "-----BEGIN " label "-----", label = [A-Z0-9 ]* ending in "PRIVATE KEY" or "PRIVATE KEY BLOCK".
        if (header.Length < 16 || !header.EndsWith("-----"u8))
        {
            return false;
        }

        var label = header[11..^5];
        foreach (var b in label)
        {
            if (!(b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)' '))
            {
                return false;
            }
        }

        return label.EndsWith("PRIVATE KEY"u8) || label.EndsWith("PRIVATE KEY BLOCK"u8);
    }

    private static int ValidateJwt(ReadOnlySpan<byte> run)
    {
        // Trailing dots are punctuation, not part of the token.
        var end = run.Length;
        while (end > 0 && run[end - 1] == '.')
        {
            end--;
        }

        var token = run[..end];
        var first = token.IndexOf((byte)'.');
        if (first < 10)
        {
            return 0;
        }

        var rest = token[(first + 1)..];
        var second = rest.IndexOf((byte)'.');
        if (second < 10 || rest.Length - second - 1 < 16)
        {
            return 0;
        }

        return token.Length >= 30 ? token.Length : 0;
    }

    private static IEnumerable<byte> Expand(string set)
    {
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    yield return (byte)c;
                }

                i += 2;
            }
            else if (set[i] == '\\' && i + 1 < set.Length)
            {
                yield return (byte)set[++i];
            }
            else
            {
                yield return (byte)set[i];
            }
        }
    }
}
