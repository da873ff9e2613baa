using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task SigningKeys_TryAdd_RoundTripsEveryFieldOldestFirst()
    {
        var newer = Some.SigningKey("k2", minutes: 20);
        var older = Some.SigningKey("k1", minutes: 10) with { RetiredAt = Some.At(20), VerifyUntil = Some.At(80) };

        Assert.True(await Store.SigningKeys.TryAddAsync(newer, Ct));
        Assert.True(await Store.SigningKeys.TryAddAsync(older, Ct));

        var list = await Store.SigningKeys.ListAsync(Ct);
        Assert.Equal(2, list.Count);
        RecordAssert.Equal(older, list[0]);
        RecordAssert.Equal(newer, list[1]);
    }

    [Fact]
    public async Task SigningKeys_TryAdd_ExistingKeyId_ReturnsFalseAndChangesNothing()
    {
        var first = Some.SigningKey("k1");
        await Store.SigningKeys.TryAddAsync(first, Ct);

        Assert.False(await Store.SigningKeys.TryAddAsync(Some.SigningKey("k1", minutes: 5) with { Algorithm = "ES384" }, Ct));

        RecordAssert.Equal(first, Assert.Single(await Store.SigningKeys.ListAsync(Ct)));
    }

    [Fact]
    public async Task SigningKeys_Retire_OnlyTheFirstTimeChangesIt()
    {
        var key = Some.SigningKey("k1");
        await Store.SigningKeys.TryAddAsync(key, Ct);
        await Store.SigningKeys.TryAddAsync(Some.SigningKey("k2", minutes: 1), Ct);

        Assert.True(await Store.SigningKeys.RetireAsync("k1", Some.At(10), Some.At(70), Ct));
        Assert.False(await Store.SigningKeys.RetireAsync("k1", Some.At(20), Some.At(999), Ct));
        Assert.False(await Store.SigningKeys.RetireAsync("absent", Some.At(20), Some.At(80), Ct));

        var list = await Store.SigningKeys.ListAsync(Ct);
        RecordAssert.Equal(key with { RetiredAt = Some.At(10), VerifyUntil = Some.At(70) }, list[0]);
        Assert.Null(list[1].RetiredAt);
        Assert.Null(list[1].VerifyUntil);
    }
}
