using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Secrets_UnknownName_HasNoVersion()
    {
        Assert.Null(await Store.Secrets.GetCurrentVersionAsync("absent", Ct));
        Assert.Null(await Store.Secrets.GetVersionAsync("absent", cancellationToken: Ct));
        Assert.Null(await Store.Secrets.GetVersionAsync("absent", 1, Ct));
        Assert.Empty(await Store.Secrets.ListAsync(Ct));
        Assert.Empty(await Store.Secrets.GetAllCurrentAsync(Ct));
    }

    [Fact]
    public async Task Secrets_TryInsertVersion_RoundTripsEveryField()
    {
        // A ciphertext larger than a database page, as a 64 KiB value sealed would be.
        var version = Some.SecretVersion("github_token", 1) with { Ciphertext = Some.Bytes(70_000, 9) };

        Assert.True(await Store.Secrets.TryInsertVersionAsync(version, Ct));

        RecordAssert.Equal(version, await Store.Secrets.GetVersionAsync("github_token", 1, Ct));
        Assert.Equal(1, await Store.Secrets.GetCurrentVersionAsync("github_token", Ct));
    }

    [Fact]
    public async Task Secrets_TryInsertVersion_ExistingVersion_ReturnsFalseAndKeepsTheFirst()
    {
        var first = Some.SecretVersion("s", 1);
        var second = Some.SecretVersion("s", 1, minutes: 5) with { KeyEncryptionKeyId = "kek-2", Ciphertext = Some.Bytes(10, 200) };
        Assert.True(await Store.Secrets.TryInsertVersionAsync(first, Ct));

        Assert.False(await Store.Secrets.TryInsertVersionAsync(second, Ct));

        RecordAssert.Equal(first, await Store.Secrets.GetVersionAsync("s", 1, Ct));
        Assert.Equal(1, Assert.Single(await Store.Secrets.ListAsync(Ct)).VersionCount);
    }

    [Fact]
    public async Task Secrets_SeveralVersions_CurrentIsTheHighest()
    {
        // Inserted out of order: "current" is the highest number, not the latest write.
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 1, minutes: 1), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 3, minutes: 2), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 2, minutes: 3), Ct);

        Assert.Equal(3, await Store.Secrets.GetCurrentVersionAsync("s", Ct));
        RecordAssert.Equal(Some.SecretVersion("s", 3, minutes: 2), await Store.Secrets.GetVersionAsync("s", null, Ct));
        RecordAssert.Equal(Some.SecretVersion("s", 2, minutes: 3), await Store.Secrets.GetVersionAsync("s", 2, Ct));
        Assert.Null(await Store.Secrets.GetVersionAsync("s", 4, Ct));
    }

    [Fact]
    public async Task Secrets_GetAllCurrent_ReturnsOneRowPerSecretAtItsCurrentVersion()
    {
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("b", 1), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("b", 2), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("a", 1), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("airlock:signing-key:k1", 1), Ct);

        var all = await Store.Secrets.GetAllCurrentAsync(Ct);

        Assert.Equal(["a", "airlock:signing-key:k1", "b"], all.Select(v => v.Name));
        RecordAssert.Equal(Some.SecretVersion("a", 1), all[0]);
        RecordAssert.Equal(Some.SecretVersion("b", 2), all[2]);
    }

    [Fact]
    public async Task Secrets_List_SummarisesEachSecretByNameIncludingInternalOnes()
    {
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("b_token", 1, minutes: 10), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("b_token", 2, minutes: 20), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("b_token", 3, minutes: 30), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("airlock:signing-key:k1", 1, minutes: 5), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("a.key", 1, minutes: 1), Ct);

        var list = await Store.Secrets.ListAsync(Ct);

        Assert.Equal(["a.key", "airlock:signing-key:k1", "b_token"], list.Select(s => s.Name));
        var b = list[2];
        Assert.Equal(3, b.CurrentVersion);
        Assert.Equal(3, b.VersionCount);
        RecordAssert.Time(Some.At(10), b.CreatedAt);
        RecordAssert.Time(Some.At(30), b.UpdatedAt);
        Assert.Equal(1, list[0].VersionCount);
        RecordAssert.Time(Some.At(1), list[0].CreatedAt);
        RecordAssert.Time(Some.At(1), list[0].UpdatedAt);
    }

    [Fact]
    public async Task Secrets_Delete_RemovesEveryVersionOnlyOfThatSecret()
    {
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("gone", 1), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("gone", 2), Ct);
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("kept", 1), Ct);

        Assert.True(await Store.Secrets.DeleteAsync("gone", Ct));

        Assert.Null(await Store.Secrets.GetCurrentVersionAsync("gone", Ct));
        Assert.Null(await Store.Secrets.GetVersionAsync("gone", 1, Ct));
        Assert.Null(await Store.Secrets.GetVersionAsync("gone", 2, Ct));
        Assert.Equal(["kept"], (await Store.Secrets.ListAsync(Ct)).Select(s => s.Name));
        Assert.Equal(["kept"], (await Store.Secrets.GetAllCurrentAsync(Ct)).Select(s => s.Name));
        Assert.False(await Store.Secrets.DeleteAsync("gone", Ct));
    }

    [Fact]
    public async Task Secrets_Delete_UnknownName_ReturnsFalse()
    {
        Assert.False(await Store.Secrets.DeleteAsync("absent", Ct));
    }

    [Fact]
    public async Task Secrets_DeletedName_CanStartAgainAtVersionOne()
    {
        await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 1), Ct);
        await Store.Secrets.DeleteAsync("s", Ct);

        Assert.True(await Store.Secrets.TryInsertVersionAsync(Some.SecretVersion("s", 1, minutes: 9), Ct));

        RecordAssert.Equal(Some.SecretVersion("s", 1, minutes: 9), await Store.Secrets.GetVersionAsync("s", cancellationToken: Ct));
    }

    [Fact]
    public async Task Secrets_TwentyConcurrentInsertsOfOneVersion_ExactlyOneSucceeds()
    {
        var candidates = Enumerable.Range(0, 20)
            .Select(i => Some.SecretVersion("race", 1) with { KeyEncryptionKeyId = $"kek-{i}" })
            .ToArray();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.Secrets.TryInsertVersionAsync(c, Ct), Ct)));

        Assert.Single(results, r => r);
        var winner = candidates[Array.IndexOf(results, true)];
        RecordAssert.Equal(winner, await Store.Secrets.GetVersionAsync("race", 1, Ct));
    }
}
