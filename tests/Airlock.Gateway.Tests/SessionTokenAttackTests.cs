using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

/// <summary>Every token attack the issue lists, sent to the real data-plane listener, is refused with 401.</summary>
public sealed class SessionTokenAttackTests
{
    [Fact]
    public async Task A_genuine_token_is_accepted_and_names_its_session()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, sessionId) = await gateway.StartSessionAsync();

        var session = await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);

        Assert.Equal(sessionId, session["id"]!.GetValue<string>());
        Assert.Equal("bot", session["agent"]!.GetValue<string>());
        Assert.Equal("alice", session["user"]!.GetValue<string>());
        Assert.Equal("active", session["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Claims_follow_RFC_8693_with_the_user_as_subject_and_the_agent_as_actor()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (forUser, _) = await gateway.StartSessionAsync(user: "alice");
        var (forNobody, _) = await gateway.StartSessionAsync(user: null);

        var payload = new TokenForge(gateway, forUser).Payload;
        Assert.Equal("alice", payload["sub"]!.GetValue<string>());
        Assert.Equal("bot", payload["act"]!["sub"]!.GetValue<string>());
        Assert.Equal("airlock-data-plane", payload["aud"]!.GetValue<string>());
        foreach (var claim in new[] { "iss", "sid", "jti", "iat", "exp", "intent_hash" })
        {
            Assert.NotNull(payload[claim]);
        }

        var header = new TokenForge(gateway, forUser).Header;
        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal("airlock-session+jwt", header["typ"]!.GetValue<string>());
        var alone = new TokenForge(gateway, forNobody).Payload;
        Assert.Equal("bot", alone["sub"]!.GetValue<string>());
        Assert.Null(alone["act"]);
    }

    public static TheoryData<string> Forgeries() =>
    [
        "alg none", "HS256 keyed with the public key (DER)", "HS256 keyed with the public key (PEM)", "ES384 header",
        "tampered payload", "tampered signature", "wrong audience", "wrong issuer", "wrong typ", "not before 60 s ahead",
        "unknown kid", "kid as a path", "kid as a URL", "oversized", "garbage",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_refused(string attack)
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync();
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200); // the genuine token is now cached
        var forge = new TokenForge(gateway, token);
        var now = gateway.Time.GetUtcNow().ToUnixTimeSeconds();

        var forged = attack switch
        {
            "alg none" => forge.Unsigned(),
            "HS256 keyed with the public key (DER)" => await forge.HmacWithPublicKeyAsync(pem: false),
            "HS256 keyed with the public key (PEM)" => await forge.HmacWithPublicKeyAsync(pem: true),
            "ES384 header" => await forge.ResignedAsync(_ => { }, h => h["alg"] = "ES384"),
            "tampered payload" => forge.Tampered(p => p["sub"] = "mallory"),
            "tampered signature" => forge.WithSignatureByte(5, 0x01),
            "wrong audience" => await forge.ResignedAsync(p => p["aud"] = "some-other-api"),
            "wrong issuer" => await forge.ResignedAsync(p => p["iss"] = "evil"),
            "wrong typ" => await forge.ResignedAsync(_ => { }, h => h["typ"] = "JWT"),
            "not before 60 s ahead" => await forge.ResignedAsync(p => p["nbf"] = now + 60),
            "unknown kid" => await forge.ResignedAsync(_ => { }, h => h["kid"] = "es256-unknown"),
            "kid as a path" => await forge.ResignedAsync(_ => { }, h => h["kid"] = "../../../../etc/passwd"),
            "kid as a URL" => await forge.ResignedAsync(_ => { }, h => h["kid"] = "https://attacker.example/jwks.json"),
            "oversized" => await forge.ResignedAsync(p => p["pad"] = new string('x', 9000)),
            "garbage" => "eyJhbGciOiJFUzI1NiJ9.not-base64!.x",
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        var problem = await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(forged), 401, "invalid_token");
        Assert.DoesNotContain(forged, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forge_itself_makes_valid_tokens_so_each_refusal_above_is_the_claims_doing()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync();
        var forge = new TokenForge(gateway, token);

        var resigned = await forge.ResignedAsync(p => p["jti"] = "another-token-id");

        Assert.NotEqual(token, resigned);
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(resigned), 200);
    }

    [Fact]
    public async Task A_token_expired_by_60_seconds_is_refused_but_30_seconds_of_skew_is_allowed()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync(ttlSeconds: 60);
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);

        gateway.Time.Advance(TimeSpan.FromSeconds(60 + 29));
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);

        gateway.Time.Advance(TimeSpan.FromSeconds(31));
        var problem = await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(token), 401, "invalid_token");
        Assert.Equal("Expired", problem["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoking_a_session_refuses_its_token_on_the_very_next_call()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, sessionId) = await gateway.StartSessionAsync();
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);

        var revoked = await gateway.PostAsync($"/v1/sessions/{sessionId}/revoke", new { reason = "test" }, expectedStatus: 200);

        Assert.Equal(sessionId, revoked["revoked"]![0]!.GetValue<string>());
        var problem = await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(token), 401, "invalid_token");
        Assert.Equal("Revoked", problem["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoking_by_agent_or_user_refuses_exactly_their_sessions()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (botAlice, _) = await gateway.StartSessionAsync("bot", "alice");
        var (botBob, _) = await gateway.StartSessionAsync("bot", "bob");
        var (otherAlice, _) = await gateway.StartSessionAsync("other", "alice");
        var (otherCarol, _) = await gateway.StartSessionAsync("other", "carol");

        var byUser = await gateway.PostAsync("/v1/sessions/revoke", new { user = "alice" }, expectedStatus: 200);
        Assert.Equal(2, byUser["revoked"]!.AsArray().Count);
        await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(botAlice), 401, "invalid_token");
        await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(otherAlice), 401, "invalid_token");
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(botBob), 200);

        var byAgent = await gateway.PostAsync("/v1/sessions/revoke", new { agent = "bot" }, expectedStatus: 200);
        Assert.Single(byAgent["revoked"]!.AsArray());
        await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(botBob), 401, "invalid_token");
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(otherCarol), 200);
    }

    [Fact]
    public async Task Disabling_an_agent_refuses_its_tokens_at_once_and_enabling_restores_them()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (token, _) = await gateway.StartSessionAsync();
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);

        await gateway.PostAsync("/v1/agents/bot/disable", new { }, expectedStatus: 200);
        var problem = await RunningGateway.ExpectProblemAsync(await gateway.WhoAmIAsync(token), 401, "invalid_token");
        Assert.Equal("AgentDisabled", problem["reason"]!.GetValue<string>());
        await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsJsonAsync("/v1/sessions", new { agent = "bot", intent = "x" }), 422, "validation");

        await gateway.PostAsync("/v1/agents/bot/enable", new { }, expectedStatus: 200);
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(token), 200);
    }

    [Fact]
    public async Task After_key_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key()
    {
        await using var gateway = await RunningGateway.StartAsync();
        var (before, _) = await gateway.StartSessionAsync();
        var oldKid = new TokenForge(gateway, before).Header["kid"]!.GetValue<string>();

        var rotated = await gateway.PostAsync("/v1/signing-keys/rotate", new { }, expectedStatus: 200);
        var (after, _) = await gateway.StartSessionAsync();

        Assert.NotEqual(oldKid, rotated["kid"]!.GetValue<string>());
        Assert.Equal(rotated["kid"]!.GetValue<string>(), new TokenForge(gateway, after).Header["kid"]!.GetValue<string>());
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(before), 200);
        await RunningGateway.ExpectAsync(await gateway.WhoAmIAsync(after), 200);
        var keys = (await gateway.GetAsync("/v1/signing-keys")).AsArray();
        Assert.Equal(2, keys.Count);
        Assert.Single(keys, k => k!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_token_of_a_session_from_another_gateway_is_refused()
    {
        await using var first = await RunningGateway.StartAsync();
        await using var second = await RunningGateway.StartAsync();
        var (token, _) = await first.StartSessionAsync();

        await RunningGateway.ExpectProblemAsync(await second.WhoAmIAsync(token), 401, "invalid_token");
    }
}
