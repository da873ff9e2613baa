using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Airlock.Core.Tokens;

/// <summary>
/// Validates session tokens on the data plane. In order: size (before any parsing), shape, header (<c>alg</c>
/// pinned to ES256, <c>typ</c>, <c>kid</c> in the ring and within its window), signature, issuer and audience,
/// <c>nbf</c>/<c>exp</c> with <see cref="TokenOptions.ClockSkew"/> of leeway, then the session's status on every
/// call so that revocation takes effect at once. A token already verified skips the signature check (see
/// <see cref="VerifiedTokenCache"/>); everything that can change is checked again.
/// </summary>
public sealed class SessionTokenValidator
{
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly SigningKeyRing _keys;
    private readonly ISessionStatusSource _status;
    private readonly TokenOptions _options;
    private readonly TimeProvider _time;
    private readonly VerifiedTokenCache _cache;
    private readonly long _skewTicks;

    public SessionTokenValidator(SigningKeyRing keys, ISessionStatusSource status, TokenOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys;
        _status = status;
        _options = options;
        _time = time;
        _cache = new VerifiedTokenCache(options.MaxCachedTokens);
        _skewTicks = options.ClockSkew.Ticks;
    }

    /// <summary>How many verified tokens are remembered now (for tests and metrics).</summary>
    internal int CachedTokenCount => _cache.Count;

    public ValueTask<TokenValidationResult> ValidateAsync(string token, CancellationToken ct = default)
    {
        // INVARIANT: the size is checked before anything else looks at the token. Characters are counted; every
        // accepted character is ASCII (checked next), so for any token that can pass, characters equal bytes.
        if (token is null || token.Length == 0)
        {
            return new(Fail(TokenFailure.Malformed, "no token was given"));
        }

        if (token.Length > _options.MaxTokenBytes)
        {
            return new(Fail(TokenFailure.TooLarge, $"the token is longer than {_options.MaxTokenBytes} bytes"));
        }

        var now = _time.GetUtcNow();
        if (!_cache.TryGet(token, out var verified))
        {
            var failure = Verify(token, now, out verified);
            if (failure is not null)
            {
                return new(failure);
            }
        }

        var nowTicks = now.UtcTicks;
        if (nowTicks >= verified.ExpiresTicks + _skewTicks)
        {
            _cache.Remove(token);
            return new(Fail(TokenFailure.Expired, "the token has expired; start a new session"));
        }

        if (nowTicks < verified.NotBeforeTicks - _skewTicks)
        {
            return new(Fail(TokenFailure.NotYetValid, "the token is not valid yet; check the clocks of the agent's host and the gateway"));
        }

        // The key may have been retired (and its window passed) since the token was cached.
        if (_keys.FindVerificationKey(verified.KeyId, now) is null)
        {
            _cache.Remove(token);
            return new(Fail(TokenFailure.UnknownKey, "the token's signing key is no longer trusted; start a new session"));
        }

        var principal = verified.Principal;
        var status = _status.GetAsync(principal.SessionId, principal.AgentId, ct);
        return status.IsCompletedSuccessfully
            ? new(Judge(status.Result, verified))
            : JudgeAsync(status, verified);
    }

    private static async ValueTask<TokenValidationResult> JudgeAsync(ValueTask<SessionStatus> status, VerifiedToken verified) =>
        Judge(await status.ConfigureAwait(false), verified);

    private static TokenValidationResult Judge(SessionStatus status, VerifiedToken verified) => status switch
    {
        SessionStatus.Active => verified.Success,
        SessionStatus.Revoked => Fail(TokenFailure.Revoked, "the session has been revoked"),
        SessionStatus.AgentDisabled => Fail(TokenFailure.AgentDisabled, "the agent has been disabled"),
        _ => Fail(TokenFailure.UnknownSession, "the session is unknown to this gateway"),
    };

    /// <summary>The full check of a token not seen before; on success it is cached.</summary>
    private TokenValidationResult? Verify(string token, DateTimeOffset now, out VerifiedToken verified)
    {
        verified = null!;
        var text = token.AsSpan();
        var firstDot = text.IndexOf('.');
        var lastDot = text.LastIndexOf('.');
        // An empty signature part (as in alg "none") passes this shape check so that the header is judged first.
        if (text.ContainsAnyExcept(TokenCharacters) || firstDot <= 0 || lastDot == firstDot
            || text[(firstDot + 1)..lastDot].Contains('.'))
        {
            return Fail(TokenFailure.Malformed, "the token is not a JWT in compact form (three base64url parts)");
        }

        var header = Decode(text[..firstDot]);
        if (header is null || !TokenClaims.TryReadHeader(header, out var algorithm, out var type, out var keyId))
        {
            return Fail(TokenFailure.Malformed, "the token's header is not a JSON object of alg, typ and kid");
        }

        // INVARIANT: the algorithm comes from this code, never from the token: ES256 or nothing.
        if (algorithm != SigningKeyRing.Algorithm)
        {
            return Fail(TokenFailure.BadAlgorithm, "the token is not signed with ES256");
        }

        if (type != Jwt.Type)
        {
            return Fail(TokenFailure.BadType, $"the token's typ is not {Jwt.Type}; only Airlock session tokens are accepted here");
        }

        // INVARIANT: the kid is only a key into the in-memory ring.
        var key = keyId is null ? null : _keys.FindVerificationKey(keyId, now);
        if (key is null)
        {
            return Fail(TokenFailure.UnknownKey, "the token's signing key is unknown or no longer trusted");
        }

        var signature = Decode(text[(lastDot + 1)..]);
        if (signature is null || signature.Length != Jwt.SignatureBytes || !VerifySignature(key, text[..lastDot], signature))
        {
            return Fail(TokenFailure.BadSignature, "the token's signature does not verify");
        }

        var payload = Decode(text[(firstDot + 1)..lastDot]);
        var claims = payload is null ? null : TokenClaims.TryReadPayload(payload);
        if (claims is not { Issuer: not null, Audience: not null, Subject: not null, SessionId: not null, TokenId: not null, IntentHash: not null }
            || claims.IssuedAt is null || claims.NotBefore is not { } notBefore || claims.Expires is not { } expires)
        {
            return Fail(TokenFailure.Malformed, "the token's claims are incomplete");
        }

        if (claims.Issuer != _options.Issuer)
        {
            return Fail(TokenFailure.WrongIssuer, "the token was issued by another gateway");
        }

        if (claims.Audience != _options.Audience)
        {
            return Fail(TokenFailure.WrongAudience, "the token is not meant for the data plane");
        }

        var principal = new SessionPrincipal(
            claims.SessionId,
            AgentId: claims.Actor ?? claims.Subject,
            UserId: claims.Actor is null ? null : claims.Subject,
            claims.TokenId,
            DateTimeOffset.FromUnixTimeSeconds(expires),
            claims.IntentHash);
        verified = new VerifiedToken(key.Record.KeyId, DateTimeOffset.FromUnixTimeSeconds(notBefore), principal);

        // Expired tokens are judged by the caller but never cached.
        if (now.UtcTicks < verified.ExpiresTicks + _skewTicks)
        {
            _cache.Add(token, verified, now.UtcTicks, _skewTicks);
        }

        return null;
    }

    private static bool VerifySignature(SigningKey key, ReadOnlySpan<char> signingInput, byte[] signature)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        try
        {
            // Every character was checked to be base64url or '.', so this is a one-to-one ASCII copy.
            for (var i = 0; i < signingInput.Length; i++)
            {
                bytes[i] = (byte)signingInput[i];
            }

            return key.PublicKey.VerifyData(
                bytes.AsSpan(0, signingInput.Length), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static byte[]? Decode(ReadOnlySpan<char> part)
    {
        try
        {
            return part.IsEmpty ? null : Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static TokenValidationResult Fail(TokenFailure failure, string message) => TokenValidationResult.Fail(failure, message);
}
