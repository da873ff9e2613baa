using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Airlock.Core.Sessions;

namespace Airlock.Core.Tokens;

/// <summary>
/// Signs session tokens: ES256 JWTs with header <c>typ</c> <c>airlock-session+jwt</c> and the claims of
/// docs/admin-api.md ("Sessions"): <c>iss</c>, <c>aud</c>, <c>sub</c> (the user, or the agent when acting for
/// nobody), <c>act.sub</c> (the agent, only when acting for a user), <c>sid</c>, <c>jti</c>, <c>iat</c>,
/// <c>nbf</c>, <c>exp</c> and <c>intent_hash</c>.
/// </summary>
public sealed class SessionTokenIssuer
{
    private readonly SigningKeyRing _keys;
    private readonly TokenOptions _options;
    private readonly TimeProvider _time;

    public SessionTokenIssuer(SigningKeyRing keys, TokenOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys;
        _options = options;
        _time = time;
    }

    /// <summary>Signs a token for a live session with the ring's active key; the token expires with the session.</summary>
    public IssuedToken Issue(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = _time.GetUtcNow();
        if (!session.IsLiveAt(now))
        {
            throw new ArgumentException($"session {session.Id} is revoked or expired; no token can be issued for it", nameof(session));
        }

        var key = _keys.ActiveKey;
        var issuedAt = now.ToUnixTimeSeconds();
        var expires = session.ExpiresAt.ToUnixTimeSeconds();
        var tokenId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

        var payload = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss"u8, _options.Issuer);
            json.WriteString("aud"u8, _options.Audience);
            json.WriteString("sub"u8, session.UserId ?? session.AgentId);
            if (session.UserId is not null)
            {
                json.WriteStartObject("act"u8);
                json.WriteString("sub"u8, session.AgentId);
                json.WriteEndObject();
            }

            json.WriteString("sid"u8, session.Id);
            json.WriteString("jti"u8, tokenId);
            json.WriteNumber("iat"u8, issuedAt);
            json.WriteNumber("nbf"u8, issuedAt);
            json.WriteNumber("exp"u8, expires);
            json.WriteString("intent_hash"u8, IntentHash(session.Intent));
            json.WriteEndObject();
        }

        var signingInput = key.EncodedHeader + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = key.PrivateKey!.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var token = signingInput + "." + Base64Url.EncodeToString(signature);
        if (token.Length > _options.MaxTokenBytes)
        {
            // Ids are at most 128 characters, so only a misconfigured MaxTokenBytes gets here.
            throw new InvalidOperationException($"the token for session {session.Id} is {token.Length} bytes, over MaxTokenBytes ({_options.MaxTokenBytes})");
        }

        return new IssuedToken(token, tokenId, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>base64url(SHA-256(UTF-8 intent)), the token's <c>intent_hash</c>.</summary>
    public static string IntentHash(string intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(intent)));
    }
}
