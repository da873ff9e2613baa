using Airlock.Core.AdminTokens;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AdminTokens_TryAdd_RoundTripsEveryField()
    {
        var root = new AdminToken("t-root", "root", Some.Bytes(32, 1), true, Some.At(0), null, null);
        var named = Some.AdminToken("t-ci", "ci", minutes: 1, hashStart: 2);
        var revoked = Some.AdminToken("t-old", "old", minutes: 2, hashStart: 3) with { RevokedAt = Some.At(3) };

        foreach (var token in new[] { root, named, revoked })
        {
            Assert.True(await Store.AdminTokens.TryAddAsync(token, Ct));
        }

        RecordAssert.Equal(root, await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 1), Ct));
        RecordAssert.Equal(named, await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 2), Ct));
        RecordAssert.Equal(revoked, await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 3), Ct));
        Assert.Null(await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 4), Ct));
    }

    [Fact]
    public async Task AdminTokens_TryAdd_TakenIdOrName_ReturnsFalseAndChangesNothing()
    {
        var first = Some.AdminToken("t1", "ci", hashStart: 1);
        await Store.AdminTokens.TryAddAsync(first, Ct);

        Assert.False(await Store.AdminTokens.TryAddAsync(Some.AdminToken("t1", "other", hashStart: 2), Ct));
        Assert.False(await Store.AdminTokens.TryAddAsync(Some.AdminToken("t2", "ci", hashStart: 3), Ct));

        RecordAssert.Equal(first, Assert.Single(await Store.AdminTokens.ListAsync(Ct)));
        Assert.Null(await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 2), Ct));
        Assert.Null(await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 3), Ct));
    }

    [Fact]
    public async Task AdminTokens_List_IsOrderedByCreationTime()
    {
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("t-b", "b", minutes: 20, hashStart: 1), Ct);
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("t-a", "a", minutes: 30, hashStart: 2), Ct);
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("t-c", "c", minutes: 10, hashStart: 3), Ct);

        var list = await Store.AdminTokens.ListAsync(Ct);

        Assert.Equal(["t-c", "t-b", "t-a"], list.Select(t => t.Id));
    }

    [Fact]
    public async Task AdminTokens_Revoke_ByIdOrName_OnlyTheFirstTimeChangesIt()
    {
        var byId = Some.AdminToken("t1", "one", hashStart: 1);
        var byName = Some.AdminToken("t2", "two", hashStart: 2);
        await Store.AdminTokens.TryAddAsync(byId, Ct);
        await Store.AdminTokens.TryAddAsync(byName, Ct);
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("t3", "three", hashStart: 3), Ct);

        Assert.True(await Store.AdminTokens.RevokeAsync("t1", Some.At(5), Ct));
        Assert.True(await Store.AdminTokens.RevokeAsync("two", Some.At(6), Ct));
        Assert.False(await Store.AdminTokens.RevokeAsync("one", Some.At(7), Ct));
        Assert.False(await Store.AdminTokens.RevokeAsync("t2", Some.At(7), Ct));
        Assert.False(await Store.AdminTokens.RevokeAsync("absent", Some.At(7), Ct));

        RecordAssert.Equal(byId with { RevokedAt = Some.At(5) }, await Store.AdminTokens.FindByHashAsync(byId.TokenHash, Ct));
        RecordAssert.Equal(byName with { RevokedAt = Some.At(6) }, await Store.AdminTokens.FindByHashAsync(byName.TokenHash, Ct));
        Assert.Null((await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 3), Ct))!.RevokedAt);
    }

    [Fact]
    public async Task AdminTokens_Revoke_IdMatchWinsOverNameMatch()
    {
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("x", "first", hashStart: 1), Ct);
        await Store.AdminTokens.TryAddAsync(Some.AdminToken("y", "x", hashStart: 2), Ct);

        Assert.True(await Store.AdminTokens.RevokeAsync("x", Some.At(5), Ct));

        Assert.NotNull((await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 1), Ct))!.RevokedAt);
        Assert.Null((await Store.AdminTokens.FindByHashAsync(Some.Bytes(32, 2), Ct))!.RevokedAt);
    }
}
