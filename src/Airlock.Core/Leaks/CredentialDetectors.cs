namespace Airlock.Core.Leaks;

/// <summary>
/// The second line of leak prevention: well-known credential formats that Airlock does not hold (AWS access key ids,
/// GitHub, Slack, Stripe, OpenAI, Anthropic and Google API keys, JWTs, PEM private keys, Airlock admin tokens), redacted as
/// <c>[REDACTED:detector:&lt;kind&gt;]</c>. A detector's literal prefixes are matched by the same linear automaton as the
/// secrets; only then is the token's extent scanned and checked, in one pass over a bounded run.
/// </summary>
public sealed class CredentialDetectors
{
    private CredentialDetectors(IReadOnlyList<CredentialDetector> detectors)
    {
        Detectors = detectors;
        Kinds = [.. detectors.Select(d => d.Kind).Distinct(StringComparer.Ordinal)];
        MaxTokenLength = detectors.Count == 0 ? 0 : detectors.Max(d => d.MaxLength);
    }

    /// <summary>Every built-in format.</summary>
    public static CredentialDetectors Default { get; } = new(CredentialDetector.BuiltIn);

    /// <summary>No detectors: held secrets only.</summary>
    public static CredentialDetectors None { get; } = new([]);

    /// <summary>The kinds reported, e.g. <c>github-token</c>.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>
    /// The longest token any of these detectors matches, in bytes: how much a streaming redactor may hold back while
    /// a token that started with a known prefix is still open (16 KiB, for a PEM private key block; 8 KiB for a JWT;
    /// at most 512 bytes for the API key formats). Nothing is held back unless a prefix has been seen.
    /// </summary>
    public int MaxTokenLength { get; }

    internal IReadOnlyList<CredentialDetector> Detectors { get; }

    /// <summary>The built-in detectors of the given kinds only.</summary>
    public static CredentialDetectors Only(params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var unknown = kinds.Where(k => !CredentialDetector.BuiltIn.Any(d => d.Kind == k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown detector kinds: {string.Join(", ", unknown)}", nameof(kinds));
        }

        return new([.. CredentialDetector.BuiltIn.Where(d => kinds.Contains(d.Kind))]);
    }
}
