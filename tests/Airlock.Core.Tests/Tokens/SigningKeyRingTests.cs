using Airlock.Core.Secrets;
using Airlock.Core.Tests.Support;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Tokens;

public sealed class SigningKeyRingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitialKey_IsActive_PrivateHalfIsAHiddenVaultSecret()
    {
        using var bed = await TokenTestBed.CreateAsync();

        var active = bed.Ring.Active;

        Assert.Matches("^es256-[a-z2-7]{12}$", active.KeyId);
        Assert.Equal("ES256", active.Algorithm);
        Assert.Equal("airlock:signing:" + active.KeyId, active.PrivateKeySecretName);
        Assert.Equal((null, null), (active.RetiredAt, active.VerifyUntil));
        Assert.Single(bed.Ring.Keys);
        Assert.Empty(await bed.Vault.ListAsync(Ct));
        Assert.NotNull(await bed.Store.Secrets.GetVersionAsync(active.PrivateKeySecretName, cancellationToken: Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Ring.CreateInitialKeyAsync(Ct));
    }

    [Fact]
    public async Task EmptyRing_HasNoActiveKey()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var empty = await SigningKeyRing.LoadAsync(new InMemoryAirlockStore(), bed.Vault, bed.Time, Ct);

        var e = Assert.Throws<InvalidOperationException>(() => empty.Active);
        Assert.Contains("airlock init", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_OldTokensVerifyUntilVerifyUntil_NewTokensUseTheNewKid()
    {
        using var bed = await TokenTestBed.CreateAsync();
        var maxLifetime = TimeSpan.FromHours(1);
        var oldKid = bed.Ring.Active.KeyId;
        var session = bed.NewSession(ttl: maxLifetime);
        var oldToken = bed.Issuer.Issue(session).Token;
        Assert.True((await bed.Validator.ValidateAsync(oldToken, Ct)).Succeeded);
        var rotatedAt = bed.Time.GetUtcNow();

        var newKey = await bed.Ring.RotateAsync(maxLifetime, Ct);

        Assert.NotEqual(oldKid, newKey.KeyId);
        Assert.Equal(newKey.KeyId, bed.Ring.Active.KeyId);
        var retired = Assert.Single(bed.Ring.Keys, k => k.KeyId == oldKid);
        Assert.Equal(rotatedAt, retired.RetiredAt);
        Assert.Equal(rotatedAt + maxLifetime + TimeSpan.FromSeconds(30), retired.VerifyUntil);

        var newToken = bed.Issuer.Issue(bed.NewSession()).Token;
        Assert.Equal(newKey.KeyId, (string?)TokenTestBed.DecodePart(newToken, 0)["kid"]);
        Assert.True((await bed.Validator.ValidateAsync(oldToken, Ct)).Succeeded);
        Assert.True((await bed.Validator.ValidateAsync(newToken, Ct)).Succeeded);

        // Just before the end of the window the old key still verifies (the token itself is within its skew) …
        bed.Time.Advance(retired.VerifyUntil!.Value - TimeSpan.FromSeconds(1) - bed.Time.GetUtcNow());
        Assert.True((await bed.Validator.ValidateAsync(oldToken, Ct)).Succeeded);

        // … and after it, the token is past its own expiry too: the window covered exactly its lifetime and skew.
        bed.Time.Advance(TimeSpan.FromSeconds(2));
        var cached = await bed.Validator.ValidateAsync(oldToken, Ct);
        Assert.Equal(TokenFailure.Expired, cached.Failure);
    }

    [Fact]
    public async Task Rotate_AfterTheWindow_OldKeyIsUnknownEvenForATokenThatHasNotExpired()
    {
        // A token whose exp lies past the window (longer than the lifetime promised at rotation) still dies with its key.
        using var bed = await TokenTestBed.CreateAsync();
        var longSession = bed.NewSession(ttl: TimeSpan.FromHours(12));
        var oldToken = bed.Issuer.Issue(longSession).Token;
        Assert.True((await bed.Validator.ValidateAsync(oldToken, Ct)).Succeeded);

        var newKey = await bed.Ring.RotateAsync(TimeSpan.FromHours(1), Ct);
        bed.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(29));
        Assert.True((await bed.Validator.ValidateAsync(oldToken, Ct)).Succeeded);

        bed.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TokenFailure.UnknownKey, (await bed.Validator.ValidateAsync(oldToken, Ct)).Failure);
        var fresh = new SessionTokenValidator(bed.Ring, bed.Status, bed.Options, bed.Time);
        Assert.Equal(TokenFailure.UnknownKey, (await fresh.ValidateAsync(oldToken, Ct)).Failure);
        Assert.True((await bed.Validator.ValidateAsync(bed.Issuer.Issue(bed.NewSession()).Token, Ct)).Succeeded);
        Assert.Equal(newKey.KeyId, bed.Ring.Active.KeyId);
    }

    [Fact]
    public async Task Load_AnotherNodeReadsTheSameKeysFromStoreAndVault()
    {
        using var bed = await TokenTestBed.CreateAsync();
        await bed.Ring.RotateAsync(TimeSpan.FromHours(1), Ct);
        var token = bed.Issuer.Issue(bed.NewSession()).Token;

        var otherNode = await SigningKeyRing.LoadAsync(bed.Store, new Vault(bed.Store, bed.Kek, bed.Time), bed.Time, Ct);
        var validator = new SessionTokenValidator(otherNode, bed.Status, bed.Options, bed.Time);

        Assert.Equal(bed.Ring.Keys.Select(k => k.KeyId), otherNode.Keys.Select(k => k.KeyId));
        Assert.Equal(bed.Ring.Active.KeyId, otherNode.Active.KeyId);
        Assert.True((await validator.ValidateAsync(token, Ct)).Succeeded);
        Assert.True((await bed.Validator.ValidateAsync(new SessionTokenIssuer(otherNode, bed.Options, bed.Time).Issue(bed.NewSession()).Token, Ct)).Succeeded);
    }
}
