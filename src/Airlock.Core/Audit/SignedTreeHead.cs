using System.Globalization;
using System.Text;

namespace Airlock.Core.Audit;

/// <summary>
/// A checkpoint: the log's Merkle tree head at <see cref="TreeSize"/> records, signed by an audit key. The
/// algorithm is named in every checkpoint (R16); the signature covers <see cref="SignedBytes()"/>, a
/// domain-separated text that can never be mistaken for a session token or any other signed thing.
/// </summary>
public sealed record SignedTreeHead(long TreeSize, byte[] RootHash, DateTimeOffset Timestamp, string KeyId, string Algorithm, byte[] Signature)
{
    /// <summary>The first line of the signed text.</summary>
    public const string Domain = "airlock audit checkpoint v1";

    /// <summary>What the signature covers: the domain, algorithm, key id, size, root (base64) and timestamp (µs since 1970), one per line.</summary>
    public static byte[] SignedBytes(long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset timestamp, string keyId, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(algorithm);
        if (keyId.Contains('\n', StringComparison.Ordinal) || algorithm.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("key ids and algorithm names are single-line");
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Domain}\n{algorithm}\n{keyId}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{ToMicroseconds(timestamp)}\n");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The bytes this checkpoint's signature covers.</summary>
    public byte[] SignedBytes() => SignedBytes(TreeSize, RootHash, Timestamp, KeyId, Algorithm);

    /// <summary>Microseconds since the Unix epoch: the precision every store keeps.</summary>
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The instant <paramref name="time"/> truncated to the microsecond, in UTC.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time) =>
        DateTimeOffset.UnixEpoch.AddTicks(ToMicroseconds(time) * TimeSpan.TicksPerMicrosecond);
}
