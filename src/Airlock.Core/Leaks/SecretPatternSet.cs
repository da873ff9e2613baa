using System.Buffers;
using System.Text;

namespace Airlock.Core.Leaks;

/// <summary>
/// SECRET MATERIAL: every held secret in every encoding Airlock matches (see <see cref="SecretEncodings"/>) plus the
/// credential detectors' prefixes, compiled into one linear-time automaton. Immutable and thread-safe; build a new
/// one when the secrets change (building 100 secrets takes milliseconds). Redactors and exfiltration checks created
/// from it keep using it after a rebuild, so a stream in flight finishes with the set it started with.
/// </summary>
public sealed class SecretPatternSet
{
    /// <summary>
    /// The shortest value registered, in bytes. Shorter values are refused: redacting every occurrence of a
    /// 5-byte string would shred unrelated text, and such a value is not a credential worth the name.
    /// </summary>
    public const int MinimumSecretLength = 8;

    private SecretPatternSet(
        string[] names,
        RejectedSecret[] rejected,
        List<(int Secret, byte[] Bytes)> patterns,
        CredentialDetectors detectors)
    {
        SecretNames = names;
        Rejected = rejected;
        Detectors = detectors;
        PatternCount = patterns.Count;
        PatternSecret = [.. patterns.Select(p => p.Secret)];
        PatternLength = [.. patterns.Select(p => p.Bytes.Length)];
        MaxPatternLength = patterns.Count == 0 ? 0 : PatternLength.Max();
        SecretReplacement = [.. names.Select(n => Encoding.ASCII.GetBytes($"[REDACTED:{n}]"))];

        var prefixes = new List<byte[]>();
        var prefixDetector = new List<int>();
        for (var d = 0; d < detectors.Detectors.Count; d++)
        {
            foreach (var prefix in detectors.Detectors[d].Prefixes)
            {
                prefixes.Add(prefix);
                prefixDetector.Add(d);
            }
        }

        PrefixDetector = [.. prefixDetector];
        PrefixLength = [.. prefixes.Select(p => p.Length)];
        Automaton = ByteAutomaton.Build([.. patterns.Select(p => p.Bytes)], prefixes);
        MaxHoldBack = Math.Max(MaxPatternLength - 1, Math.Max(detectors.MaxTokenLength, PrefixLength.DefaultIfEmpty(0).Max()));
    }

    /// <summary>No secrets and no detectors: redaction copies, the exfiltration check finds nothing.</summary>
    public static SecretPatternSet Empty { get; } = Build([], CredentialDetectors.None);

    /// <summary>The names of the registered secrets, ordinal order, each once.</summary>
    public IReadOnlyList<string> SecretNames { get; }

    /// <summary>Secrets that were not registered and why; the gateway should surface these to the operator.</summary>
    public IReadOnlyList<RejectedSecret> Rejected { get; }

    /// <summary>The credential detectors compiled in.</summary>
    public CredentialDetectors Detectors { get; }

    /// <summary>Distinct byte patterns matched for the registered secrets (all encodings).</summary>
    public int PatternCount { get; }

    /// <summary>The longest secret pattern, in bytes.</summary>
    public int MaxPatternLength { get; }

    /// <summary>
    /// The most bytes a <see cref="StreamingRedactor"/> holds back between chunks: the longest pattern less one, or
    /// the longest detector token while one is open, whichever is larger.
    /// </summary>
    public int MaxHoldBack { get; }

    internal ByteAutomaton Automaton { get; }

    internal int[] PatternSecret { get; }

    internal int[] PatternLength { get; }

    internal byte[][] SecretReplacement { get; }

    internal int[] PrefixDetector { get; }

    internal int[] PrefixLength { get; }

    /// <summary>
    /// Compiles <paramref name="secrets"/> (several values may share a name, e.g. the current and the previous
    /// version of a rotated secret) with <paramref name="detectors"/> (default: <see cref="CredentialDetectors.Default"/>).
    /// Values shorter than <see cref="MinimumSecretLength"/> are left out and listed in <see cref="Rejected"/>.
    /// </summary>
    public static SecretPatternSet Build(IEnumerable<LeakSecret> secrets, CredentialDetectors? detectors = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var accepted = new List<LeakSecret>();
        var rejected = new List<RejectedSecret>();
        foreach (var secret in secrets)
        {
            ArgumentNullException.ThrowIfNull(secret);
            if (secret.Value.Length < MinimumSecretLength)
            {
                rejected.Add(new RejectedSecret(
                    secret.Name,
                    $"the value is {secret.Value.Length} bytes; values shorter than {MinimumSecretLength} bytes are not redacted because matching them would shred unrelated text"));
            }
            else
            {
                accepted.Add(secret);
            }
        }

        // Ordinal name order, longer values first within a name: when two secrets have a byte-identical pattern,
        // the first keeps it, so which name a redaction reports never depends on input order.
        accepted.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : b.Value.Length.CompareTo(a.Value.Length);
        });

        var names = accepted.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var patterns = new List<(int, byte[])>();
        foreach (var secret in accepted)
        {
            foreach (var (_, bytes) in SecretEncodings.Variants(secret.Value.Span))
            {
                patterns.Add((index[secret.Name], bytes));
            }
        }

        return new SecretPatternSet(names, [.. rejected], patterns, detectors ?? CredentialDetectors.Default);
    }

    /// <summary>A redactor for one response body (or any one stream).</summary>
    public StreamingRedactor CreateRedactor() => new(this);

    /// <summary>A check for one request from an agent.</summary>
    public ExfiltrationCheck CreateExfiltrationCheck() => new(this);

    /// <summary>
    /// A response header value with every held secret and detected credential replaced; <paramref name="names"/> lists
    /// what was redacted (secret names, <c>detector:&lt;kind&gt;</c>), empty when the value is returned unchanged.
    /// </summary>
    public string RedactHeaderValue(string value, out IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var output = new ArrayBufferWriter<byte>(bytes.Length + 32);
        using var redactor = CreateRedactor();
        redactor.Process(bytes, output);
        redactor.Flush(output);
        var counts = redactor.Redactions;
        if (counts.Count == 0)
        {
            names = [];
            return value;
        }

        names = [.. counts.Select(c => c.Name)];
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public override string ToString() =>
        $"SecretPatternSet({SecretNames.Count} secrets, {PatternCount} patterns, {Detectors.Kinds.Count} detector kinds)";
}
