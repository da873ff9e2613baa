using System.Buffers;
using System.Text;

namespace Airlock.Core.Leaks;

/// <summary>
/// Looks for held secrets in a request from an agent before it goes anywhere: the URL, header values and the body
/// (streamed), each scanned on its own for every encoding in the <see cref="SecretPatternSet"/>. URLs are also scanned
/// after percent-decoding, so a secret escaped in an unusual way is still found. Any hit means the request is carrying
/// a credential out and must be refused. Credential detectors are not applied: agents legitimately send tokens of
/// those formats (their own Airlock session token is a JWT).
/// </summary>
/// <remarks>Run it on the agent's request before the credential is injected. Not thread-safe: one per request.</remarks>
public sealed class ExfiltrationCheck
{
    private readonly SecretPatternSet _set;
    private readonly bool[] _found;
    private int _bodyState;

    internal ExfiltrationCheck(SecretPatternSet set)
    {
        _set = set;
        _found = new bool[set.SecretNames.Count];
    }

    /// <summary>Whether any held secret was found so far.</summary>
    public bool Found { get; private set; }

    /// <summary>The names of the secrets found so far, in name order; never their values.</summary>
    public IReadOnlyList<string> SecretNames => [.. _set.SecretNames.Where((_, i) => _found[i])];

    /// <summary>Scans the request target (path and query, as sent), raw and percent-decoded.</summary>
    public void ScanUrl(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ScanText(pathAndQuery);
        if (pathAndQuery.Contains('%', StringComparison.Ordinal) || pathAndQuery.Contains('+', StringComparison.Ordinal))
        {
            ScanText(Uri.UnescapeDataString(pathAndQuery));
            ScanText(Uri.UnescapeDataString(pathAndQuery.Replace('+', ' ')));
        }
    }

    /// <summary>Scans one header's name and value.</summary>
    public void ScanHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ScanText(name);
        ScanText(value);
    }

    /// <summary>Scans the next chunk of the body; matches spanning chunks are found.</summary>
    public void ScanBody(ReadOnlySpan<byte> chunk) => _bodyState = Scan(_bodyState, chunk);

    /// <summary>Ends the body, so that a following body starts afresh.</summary>
    public void CompleteBody() => _bodyState = ByteAutomaton.Root;

    /// <summary>Scans a request part already in memory on its own (not joined to the body stream).</summary>
    public void ScanBytes(ReadOnlySpan<byte> bytes) => Scan(ByteAutomaton.Root, bytes);

    public override string ToString() => $"ExfiltrationCheck({(Found ? "secrets found" : "clean")})";

    private void ScanText(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var count = Encoding.UTF8.GetBytes(text, rented);
            Scan(ByteAutomaton.Root, rented.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    private int Scan(int state, ReadOnlySpan<byte> bytes)
    {
        var ac = _set.Automaton;
        foreach (var b in bytes)
        {
            state = ac.Next(state, b);
            for (var n = ac.FirstOutput(state); n >= 0; n = ac.OutputLink[n])
            {
                var pattern = ac.SecretOutput[n];
                if (pattern >= 0)
                {
                    _found[_set.PatternSecret[pattern]] = true;
                    Found = true;
                }
            }
        }

        return state;
    }
}
