using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    public static TheoryData<string> CredentialKinds => new(Some.CredentialKinds);

    [Theory]
    [MemberData(nameof(CredentialKinds))]
    public async Task Services_Upsert_New_ReturnsTrueAndRoundTripsEveryCredentialKind(string kind)
    {
        var service = Some.Service("svc", Some.Credential(kind));

        Assert.True(await Store.Services.UpsertAsync(service, Ct));

        RecordAssert.Equal(service, await Store.Services.GetAsync("svc", Ct));
    }

    [Fact]
    public async Task Services_Upsert_Existing_ReturnsFalseAndReplacesEveryField()
    {
        await Store.Services.UpsertAsync(Some.Service("svc", Some.Credential("header")), Ct);
        var replacement = new Airlock.Core.Services.ServiceDefinition(
            "svc", new Uri("http://localhost:9000/other"), Some.Credential("oauth2"), "replaced", "config", Some.At(42), PolicyBody: true);

        Assert.False(await Store.Services.UpsertAsync(replacement, Ct));

        RecordAssert.Equal(replacement, await Store.Services.GetAsync("svc", Ct));
        Assert.Single(await Store.Services.ListAsync(Ct));
    }

    [Fact]
    public async Task Services_Get_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.Services.GetAsync("absent", Ct));
    }

    [Fact]
    public async Task Services_List_IsOrderedByName()
    {
        await Store.Services.UpsertAsync(Some.Service("jira"), Ct);
        await Store.Services.UpsertAsync(Some.Service("github"), Ct);
        await Store.Services.UpsertAsync(Some.Service("maps-2"), Ct);
        await Store.Services.UpsertAsync(Some.Service("maps"), Ct);

        var list = await Store.Services.ListAsync(Ct);

        Assert.Equal(["github", "jira", "maps", "maps-2"], list.Select(s => s.Name));
        RecordAssert.Equal(Some.Service("jira"), list[1]);
    }

    [Fact]
    public async Task Services_Delete_ReturnsWhetherItExisted()
    {
        await Store.Services.UpsertAsync(Some.Service("gone"), Ct);
        await Store.Services.UpsertAsync(Some.Service("kept"), Ct);

        Assert.True(await Store.Services.DeleteAsync("gone", Ct));
        Assert.False(await Store.Services.DeleteAsync("gone", Ct));
        Assert.False(await Store.Services.DeleteAsync("absent", Ct));

        Assert.Null(await Store.Services.GetAsync("gone", Ct));
        Assert.Equal(["kept"], (await Store.Services.ListAsync(Ct)).Select(s => s.Name));
    }
}
