using System.Text.Json.Nodes;
using Airlock.Core.Tests.Support;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Tokens;

public sealed class SessionTokenIssuerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_ForAUser_CarriesEveryClaimAndValidates()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession("alice@example.com");
        var now = bed.Time.GetUtcNow().ToUnixTimeSeconds();

        var issued = bed.Issuer.Issue(session);

        var header = TokenTestBed.DecodePart(issued.Token, 0);
        Assert.Equal(
            new JsonObject { ["alg"] = "ES256", ["typ"] = "airlock-session+jwt", ["kid"] = bed.Ring.Active.KeyId }.ToJsonString(),
            header.ToJsonString());
        var payload = TokenTestBed.DecodePart(issued.Token, 1);
        Assert.Equal(
            ["iss", "aud", "sub", "act", "sid", "jti", "iat", "nbf", "exp", "intent_hash"],
            payload.Select(p => p.Key));
        Assert.Equal(TokenTestBed.IssuerName, (string?)payload["iss"]);
        Assert.Equal("airlock-data-plane", (string?)payload["aud"]);
        Assert.Equal("alice@example.com", (string?)payload["sub"]);
        Assert.Equal("""{"sub":"agent-7"}""", payload["act"]!.ToJsonString());
        Assert.Equal(session.Id, (string?)payload["sid"]);
        Assert.Equal(issued.TokenId, (string?)payload["jti"]);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", issued.TokenId);
        Assert.Equal(now, (long)payload["iat"]!);
        Assert.Equal(now, (long)payload["nbf"]!);
        Assert.Equal(session.ExpiresAt.ToUnixTimeSeconds(), (long)payload["exp"]!);
        Assert.Equal(SessionTokenIssuer.IntentHash(session.Intent), (string?)payload["intent_hash"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", (string?)payload["intent_hash"]);
        Assert.Equal(86, issued.Token.Split('.')[2].Length); // r ‖ s, 64 bytes

        var result = await bed.Validator.ValidateAsync(issued.Token, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(
            new SessionPrincipal(session.Id, "agent-7", "alice@example.com", issued.TokenId, session.ExpiresAt, SessionTokenIssuer.IntentHash(session.Intent)),
            result.Principal);
        Assert.Equal(issued.ExpiresAt, session.ExpiresAt);
    }

    [Fact]
    public async Task Issue_ForNobody_SubjectIsTheAgentAndThereIsNoActor()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession(user: null);

        var issued = bed.Issuer.Issue(session);

        var payload = TokenTestBed.DecodePart(issued.Token, 1);
        Assert.Equal("agent-7", (string?)payload["sub"]);
        Assert.False(payload.ContainsKey("act"));
        var result = await bed.Validator.ValidateAsync(issued.Token, Ct);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(("agent-7", (string?)null), (result.Principal.AgentId, result.Principal.UserId));
    }

    [Fact]
    public async Task Issue_IntentHashIsBase64UrlSha256OfUtf8()
    {
        // SHA-256("abc") from FIPS 180-2, appendix B.1, in base64url.
        Assert.Equal("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", SessionTokenIssuer.IntentHash("abc"));

        using var bed = await TokenTestBed.CreateAsync();
        Assert.NotEqual(bed.Issuer.Issue(bed.NewSession()).TokenId, bed.Issuer.Issue(bed.NewSession()).TokenId);
    }

    [Fact]
    public async Task Issue_RevokedOrExpiredSession_Throws()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var session = bed.NewSession(ttl: TimeSpan.FromMinutes(1));

        Assert.Throws<ArgumentException>(() => bed.Issuer.Issue(session with { RevokedAt = bed.Time.GetUtcNow() }));
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Throws<ArgumentException>(() => bed.Issuer.Issue(session));
    }

    [Fact]
    public async Task IssuedToken_ToStringLeavesTheTokenOut()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var issued = bed.Issuer.Issue(bed.NewSession());

        Assert.DoesNotContain(issued.Token, issued.ToString(), StringComparison.Ordinal);
        Assert.Contains(issued.TokenId, issued.ToString(), StringComparison.Ordinal);
    }
}
