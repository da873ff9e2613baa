using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Airlock.Core.Tokens;

/// <summary>
/// A loaded signing key: its record, its public key for verification and, for the active key only, its private
/// key. The ECDsa instances are shared by all threads: signing and verifying keep no state on the instance.
/// </summary>
internal sealed class SigningKey
{
    public SigningKey(SigningKeyRecord record, ECDsa publicKey, ECDsa? privateKey)
    {
        Record = record;
        PublicKey = publicKey;
        PrivateKey = privateKey;
        EncodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"alg":"{{SigningKeyRing.Algorithm}}","typ":"{{Jwt.Type}}","kid":"{{record.KeyId}}"}"""));
        VerifyUntilTicks = record.VerifyUntil?.UtcTicks ?? long.MaxValue;
    }

    public SigningKeyRecord Record { get; }

    public ECDsa PublicKey { get; }

    public ECDsa? PrivateKey { get; }

    /// <summary>The token header for this key, base64url-encoded once.</summary>
    public string EncodedHeader { get; }

    /// <summary>After this instant (UTC ticks) the key verifies nothing.</summary>
    public long VerifyUntilTicks { get; }

    public bool VerifiesAt(DateTimeOffset now) => now.UtcTicks <= VerifyUntilTicks;
}
