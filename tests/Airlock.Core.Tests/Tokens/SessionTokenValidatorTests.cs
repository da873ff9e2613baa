using System.Security.Cryptography;
using Airlock.Core.Tests.Support;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Tokens;

public sealed class SessionTokenValidatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlgNone_Refused()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        header["alg"] = "none";

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, _ => []), TokenFailure.BadAlgorithm);
    }

    [Fact]
    public async Task Hs256SignedWithThePublicKey_Refused()
    {
        // The classic algorithm confusion: an HMAC keyed with the public key bytes, which anyone can compute.
        using var bed = await TokenTestBed.CreateAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        var publicKey = bed.Ring.Active.PublicKeySpki;

        header["alg"] = "HS256";
        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => HMACSHA256.HashData(publicKey, data)), TokenFailure.BadAlgorithm);

        header["alg"] = "ES256";
        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => HMACSHA256.HashData(publicKey, data)), TokenFailure.BadSignature);
    }

    [Theory]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("RS256")]
    [InlineData("PS256")]
    [InlineData("es256")]
    [InlineData("EdDSA")]
    public async Task OtherAlgorithms_Refused(string algorithm)
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        header["alg"] = algorithm;

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), TokenFailure.BadAlgorithm);
    }

    [Fact]
    public async Task ExpiredBeyondTheSkew_Refused_WithinTheSkew_Accepted()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession(ttl: TimeSpan.FromMinutes(10));
        var token = bed.Issuer.Issue(session).Token;

        bed.Time.Advance(session.ExpiresAt + TimeSpan.FromSeconds(29) - bed.Time.GetUtcNow());
        Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);

        bed.Time.Advance(session.ExpiresAt + TimeSpan.FromSeconds(60) - bed.Time.GetUtcNow());
        await AssertRefused(bed, token, TokenFailure.Expired);

        // A fresh validator (nothing cached) says the same.
        var fresh = new SessionTokenValidator(bed.Ring, bed.Status, bed.Options, bed.Time);
        Assert.Equal(TokenFailure.Expired, (await fresh.ValidateAsync(token, Ct)).Failure);
        Assert.Equal(0, fresh.CachedTokenCount);
    }

    [Fact]
    public async Task NotBeforeAheadBeyondTheSkew_Refused_WithinTheSkew_Accepted()
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        var now = bed.Time.GetUtcNow().ToUnixTimeSeconds();

        payload["nbf"] = now + 60;
        var early = TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data));
        await AssertRefused(bed, early, TokenFailure.NotYetValid);

        payload["nbf"] = now + 29;
        var slightlyEarly = TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data));
        Assert.True((await bed.Validator.ValidateAsync(slightlyEarly, Ct)).Succeeded);

        bed.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.True((await bed.Validator.ValidateAsync(early, Ct)).Succeeded);
    }

    [Fact]
    public async Task TamperedPayloadWithTheOriginalSignature_Refused_EvenAfterTheOriginalWasCached()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession("alice@example.com");
        var token = bed.Issuer.Issue(session).Token;
        Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);
        Assert.Equal(1, bed.Validator.CachedTokenCount);

        var parts = token.Split('.');
        var payload = TokenTestBed.DecodePart(token, 1);
        payload["sub"] = "root@example.com";
        var tampered = parts[0] + "." + TokenTestBed.Part(payload.ToJsonString()) + "." + parts[2];

        await AssertRefused(bed, tampered, TokenFailure.BadSignature);
        Assert.Equal(1, bed.Validator.CachedTokenCount);

        payload = TokenTestBed.DecodePart(token, 1);
        payload["exp"] = (long)payload["exp"]! + 3600;
        await AssertRefused(bed, parts[0] + "." + TokenTestBed.Part(payload.ToJsonString()) + "." + parts[2], TokenFailure.BadSignature);
    }

    [Fact]
    public async Task TamperedSignature_Refused()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var token = bed.Issuer.Issue(bed.NewSession()).Token;
        var signatureStart = token.LastIndexOf('.') + 1;

        for (var offset = 0; offset < 80; offset += 7)
        {
            var i = signatureStart + offset;
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            await AssertRefused(bed, tampered, TokenFailure.BadSignature);
        }

        await AssertRefused(bed, token[..^4], TokenFailure.BadSignature);
        await AssertRefused(bed, token[..signatureStart], TokenFailure.BadSignature);
    }

    [Theory]
    [InlineData("aud", "airlock-admin", TokenFailure.WrongAudience)]
    [InlineData("iss", "https://other-airlock.test", TokenFailure.WrongIssuer)]
    public async Task WrongAudienceOrIssuer_Refused(string claim, string value, TokenFailure failure)
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        payload[claim] = value;

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), failure);
    }

    [Fact]
    public async Task ValidatorOfAnotherIssuerOrAudience_RefusesOurTokens()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var token = bed.Issuer.Issue(bed.NewSession()).Token;

        var otherIssuer = new SessionTokenValidator(bed.Ring, bed.Status, new TokenOptions("https://elsewhere.test"), bed.Time);
        var otherAudience = new SessionTokenValidator(bed.Ring, bed.Status, new TokenOptions(TokenTestBed.IssuerName, Audience: "airlock-admin-plane"), bed.Time);

        Assert.Equal(TokenFailure.WrongIssuer, (await otherIssuer.ValidateAsync(token, Ct)).Failure);
        Assert.Equal(TokenFailure.WrongAudience, (await otherAudience.ValidateAsync(token, Ct)).Failure);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt")]
    [InlineData("airlock-session+JWT")]
    public async Task WrongType_Refused(string type)
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        header["typ"] = type;

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), TokenFailure.BadType);
    }

    [Theory]
    [InlineData("es256-aaaaaaaaaaaa")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("https://attacker.invalid/jwks.json")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task UnknownKid_Refused(string kid)
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (header, payload) = bed.Claims(bed.NewSession());
        header["kid"] = kid;

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(attackerKey, data)), TokenFailure.UnknownKey);
    }

    [Fact]
    public async Task KidNamingAFileWithTheAttackersPublicKey_IsNotReadFromThatFile()
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var dir = new TempDirectory();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = dir.File("key.pem");
        File.WriteAllText(path, attackerKey.ExportSubjectPublicKeyInfoPem());
        var (header, payload) = bed.Claims(bed.NewSession());
        header["kid"] = path;

        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(attackerKey, data)), TokenFailure.UnknownKey);
    }

    [Fact]
    public async Task KeyFromTheHeader_IsNeverUsed()
    {
        // jwk / jku / x5u / crit headers are refused outright: no key is ever taken from a token.
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        foreach (var member in new[] { "jwk", "jku", "x5u", "crit" })
        {
            var (header, payload) = bed.Claims(bed.NewSession());
            header[member] = "https://attacker.invalid/";
            await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), TokenFailure.Malformed);
        }
    }

    [Fact]
    public async Task Oversized_RefusedBeforeParsing()
    {
        using var bed = await TokenTestBed.CreateAsync();

        // Not even a JWT: had it been parsed, it would be Malformed.
        await AssertRefused(bed, new string('!', 8193), TokenFailure.TooLarge);
        Assert.Equal(TokenFailure.Malformed, (await bed.Validator.ValidateAsync(new string('!', 8192), Ct)).Failure);

        // A validly signed token that is too big.
        using var key = await bed.ActivePrivateKeyAsync();
        var (header, payload) = bed.Claims(bed.NewSession());
        payload["padding"] = new string('x', 8192);
        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), TokenFailure.TooLarge);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData(".b.c")]
    [InlineData("eyJ.eyJ.sig with space")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9==.e30.AA")]
    [InlineData("ééé.ééé.ééé")]
    public async Task Malformed_Refused(string token)
    {
        using var bed = await TokenTestBed.CreateAsync();

        await AssertRefused(bed, token, TokenFailure.Malformed);
    }

    [Fact]
    public async Task DuplicateOrMistypedClaims_Refused()
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var key = await bed.ActivePrivateKeyAsync();
        var session = bed.NewSession();
        var (header, payload) = bed.Claims(session);
        string Sign(string headerJson, string payloadJson) =>
            TokenTestBed.Part(headerJson) + "." + TokenTestBed.Part(payloadJson) + "." +
            System.Buffers.Text.Base64Url.EncodeToString(TokenTestBed.SignEs256(key, System.Text.Encoding.ASCII.GetBytes(TokenTestBed.Part(headerJson) + "." + TokenTestBed.Part(payloadJson))));

        var headerJson = header.ToJsonString();
        var payloadJson = payload.ToJsonString();
        await AssertRefused(bed, Sign(headerJson[..^1] + ""","alg":"none"}""", payloadJson), TokenFailure.Malformed);
        await AssertRefused(bed, Sign(headerJson, payloadJson[..^1] + ""","sub":"root"}"""), TokenFailure.Malformed);
        await AssertRefused(bed, Sign(headerJson, payloadJson.Replace("\"aud\":\"airlock-data-plane\"", "\"aud\":[\"airlock-data-plane\"]", StringComparison.Ordinal)), TokenFailure.Malformed);
        await AssertRefused(bed, Sign(headerJson, payloadJson.Replace($"\"sid\":\"{session.Id}\",", "", StringComparison.Ordinal)), TokenFailure.Malformed);
        await AssertRefused(bed, Sign(headerJson, payloadJson + " x"), TokenFailure.Malformed);
        payload["exp"] = 1.5;
        await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(key, data)), TokenFailure.Malformed);
    }

    [Fact]
    public async Task RevokedSession_RefusedAtOnce_EvenWhenCached()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession();
        var token = bed.Issuer.Issue(session).Token;
        Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);

        bed.Status.Set(session.Id, SessionStatus.Revoked);

        await AssertRefused(bed, token, TokenFailure.Revoked);
    }

    [Fact]
    public async Task DisabledAgent_RefusedAtOnce_EvenWhenCached()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var token = bed.Issuer.Issue(bed.NewSession()).Token;
        Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);

        bed.Status.DisableAgent("agent-7");

        await AssertRefused(bed, token, TokenFailure.AgentDisabled);
    }

    [Fact]
    public async Task UnknownSession_Refused()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession();
        var token = bed.Issuer.Issue(session).Token;
        bed.Status.Set(session.Id, SessionStatus.Unknown);

        await AssertRefused(bed, token, TokenFailure.UnknownSession);
    }

    [Fact]
    public async Task StatusIsAskedOnEveryValidation()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var token = bed.Issuer.Issue(bed.NewSession()).Token;

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);
        }

        Assert.Equal(5, bed.Status.Calls);
        Assert.Equal(1, bed.Validator.CachedTokenCount);
    }

    [Fact]
    public async Task Cache_IsBounded()
    {
        using var bed = await TokenTestBed.CreateAsync(options: new TokenOptions(TokenTestBed.IssuerName) { MaxCachedTokens = 10 });
        var tokens = Enumerable.Range(0, 50).Select(_ => bed.Issuer.Issue(bed.NewSession()).Token).ToArray();

        foreach (var token in tokens)
        {
            Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);
            Assert.InRange(bed.Validator.CachedTokenCount, 1, 10);
        }

        // Evicted tokens are simply verified again.
        foreach (var token in tokens)
        {
            Assert.True((await bed.Validator.ValidateAsync(token, Ct)).Succeeded);
        }
    }

    [Fact]
    public async Task Cache_HoldsOnlyTokensThatVerified()
    {
        using var bed = await TokenTestBed.CreateAsync();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 0; i < 20; i++)
        {
            var (header, payload) = bed.Claims(bed.NewSession());
            await AssertRefused(bed, TokenTestBed.Encode(header, payload, data => TokenTestBed.SignEs256(attackerKey, data)), TokenFailure.BadSignature);
        }

        Assert.Equal(0, bed.Validator.CachedTokenCount);
    }

    [Fact]
    public async Task FailureMessages_NeverQuoteTheToken()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var token = bed.Issuer.Issue(bed.NewSession()).Token;
        var parts = token.Split('.');

        foreach (var bad in new[] { token + "x", parts[0] + "." + parts[1] + ".", "x" + token, token.Replace('.', '!') })
        {
            var result = await bed.Validator.ValidateAsync(bad, Ct);
            Assert.False(result.Succeeded);
            foreach (var part in parts)
            {
                Assert.DoesNotContain(part, result.Message, StringComparison.Ordinal);
            }
        }
    }

    private static async Task AssertRefused(TokenTestBed bed, string token, TokenFailure expected)
    {
        var result = await bed.Validator.ValidateAsync(token, Ct);
        Assert.False(result.Succeeded, "the token was accepted");
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }
}
