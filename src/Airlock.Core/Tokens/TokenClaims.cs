using System.Text.Json;

namespace Airlock.Core.Tokens;

/// <summary>
/// Reads a session token's header and payload with a forward-only JSON reader. Strict: a duplicate member, a
/// member of the wrong type or trailing data makes the token malformed.
/// </summary>
internal sealed class TokenClaims
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 4 };

    public string? Issuer { get; private set; }

    public string? Audience { get; private set; }

    public string? Subject { get; private set; }

    public string? Actor { get; private set; }

    public string? SessionId { get; private set; }

    public string? TokenId { get; private set; }

    public string? IntentHash { get; private set; }

    public long? IssuedAt { get; private set; }

    public long? NotBefore { get; private set; }

    public long? Expires { get; private set; }

    /// <summary>
    /// Reads the header, which must be exactly <c>alg</c>, <c>typ</c> and <c>kid</c> (strings, any order). Members
    /// such as <c>jku</c>, <c>x5u</c>, <c>jwk</c> or <c>crit</c> are refused: no key is ever taken from a token.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> json, out string? algorithm, out string? type, out string? keyId)
    {
        algorithm = type = keyId = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ref var slot = ref algorithm;
                if (reader.ValueTextEquals("alg"u8))
                {
                    slot = ref algorithm;
                }
                else if (reader.ValueTextEquals("typ"u8))
                {
                    slot = ref type;
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    slot = ref keyId;
                }
                else
                {
                    return false;
                }

                if (slot is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                slot = reader.GetString();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the payload; unknown members are skipped, so that a later Airlock may add claims.</summary>
    public static TokenClaims? TryReadPayload(ReadOnlySpan<byte> json)
    {
        var claims = new TokenClaims();
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!claims.TryReadMember(ref reader))
                {
                    return null;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? claims : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool TryReadMember(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("iss"u8))
        {
            return Issuer is null && TryReadString(ref reader, out var value) && (Issuer = value) is not null;
        }

        if (reader.ValueTextEquals("aud"u8))
        {
            return Audience is null && TryReadString(ref reader, out var value) && (Audience = value) is not null;
        }

        if (reader.ValueTextEquals("sub"u8))
        {
            return Subject is null && TryReadString(ref reader, out var value) && (Subject = value) is not null;
        }

        if (reader.ValueTextEquals("sid"u8))
        {
            return SessionId is null && TryReadString(ref reader, out var value) && (SessionId = value) is not null;
        }

        if (reader.ValueTextEquals("jti"u8))
        {
            return TokenId is null && TryReadString(ref reader, out var value) && (TokenId = value) is not null;
        }

        if (reader.ValueTextEquals("intent_hash"u8))
        {
            return IntentHash is null && TryReadString(ref reader, out var value) && (IntentHash = value) is not null;
        }

        if (reader.ValueTextEquals("iat"u8))
        {
            return IssuedAt is null && TryReadTime(ref reader, out var value) && (IssuedAt = value) is not null;
        }

        if (reader.ValueTextEquals("nbf"u8))
        {
            return NotBefore is null && TryReadTime(ref reader, out var value) && (NotBefore = value) is not null;
        }

        if (reader.ValueTextEquals("exp"u8))
        {
            return Expires is null && TryReadTime(ref reader, out var value) && (Expires = value) is not null;
        }

        if (reader.ValueTextEquals("act"u8))
        {
            return Actor is null && TryReadActor(ref reader);
        }

        reader.Skip();
        return true;
    }

    private bool TryReadActor(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sub"u8))
            {
                if (Actor is not null || !TryReadString(ref reader, out var value))
                {
                    return false;
                }

                Actor = value;
            }
            else
            {
                reader.Skip();
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && Actor is not null;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return !string.IsNullOrEmpty(value);
    }

    // NumericDate (RFC 7519 §2) as whole seconds within DateTimeOffset's range.
    private static bool TryReadTime(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253_402_300_799)
        {
            value = seconds;
        }

        return value is not null;
    }
}
