using Airlock.Core.Identities;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Agents_TryAdd_RoundTripsEveryField()
    {
        var plain = Some.Agent("plain");
        var grouped = new Agent("grouped", "", ["ops", "readers", "ops-2"], false, Some.At(3));

        Assert.True(await Store.Identities.TryAddAgentAsync(plain, Ct));
        Assert.True(await Store.Identities.TryAddAgentAsync(grouped, Ct));

        RecordAssert.Equal(plain, await Store.Identities.GetAgentAsync("plain", Ct));
        RecordAssert.Equal(grouped, await Store.Identities.GetAgentAsync("grouped", Ct));
    }

    [Fact]
    public async Task Agents_TryAdd_ExistingId_ReturnsFalseAndChangesNothing()
    {
        var first = Some.Agent("a1", "ops");
        await Store.Identities.TryAddAgentAsync(first, Ct);

        Assert.False(await Store.Identities.TryAddAgentAsync(new Agent("a1", "other", ["x"], false, Some.At(9)), Ct));

        RecordAssert.Equal(first, await Store.Identities.GetAgentAsync("a1", Ct));
    }

    [Fact]
    public async Task Agents_Get_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.Identities.GetAgentAsync("absent", Ct));
    }

    [Fact]
    public async Task Agents_List_IsOrderedById()
    {
        foreach (var id in new[] { "ci-bot", "B", "a@example.com", "a" })
        {
            await Store.Identities.TryAddAgentAsync(Some.Agent(id), Ct);
        }

        var list = await Store.Identities.ListAgentsAsync(Ct);

        Assert.Equal(["B", "a", "a@example.com", "ci-bot"], list.Select(a => a.Id));
    }

    [Fact]
    public async Task Agents_SetEnabled_ChangesOnlyThatFlag()
    {
        var agent = Some.Agent("a1", "ops");
        await Store.Identities.TryAddAgentAsync(agent, Ct);
        await Store.Identities.TryAddAgentAsync(Some.Agent("a2"), Ct);

        Assert.True(await Store.Identities.SetAgentEnabledAsync("a1", false, Ct));
        RecordAssert.Equal(agent with { Enabled = false }, await Store.Identities.GetAgentAsync("a1", Ct));
        Assert.True((await Store.Identities.GetAgentAsync("a2", Ct))!.Enabled);

        // Setting the state it already has still finds the agent.
        Assert.True(await Store.Identities.SetAgentEnabledAsync("a1", false, Ct));
        Assert.True(await Store.Identities.SetAgentEnabledAsync("a1", true, Ct));
        RecordAssert.Equal(agent, await Store.Identities.GetAgentAsync("a1", Ct));
    }

    [Fact]
    public async Task Agents_SetEnabled_Unknown_ReturnsFalse()
    {
        Assert.False(await Store.Identities.SetAgentEnabledAsync("absent", true, Ct));
        Assert.Empty(await Store.Identities.ListAgentsAsync(Ct));
    }

    [Fact]
    public async Task Users_Upsert_NewThenExisting_ReportsNewnessAndReplacesEveryField()
    {
        var first = Some.User("alice", "eng");
        var replacement = new User("alice", ["eng", "admins"], Some.At(7));

        Assert.True(await Store.Identities.UpsertUserAsync(first, Ct));
        RecordAssert.Equal(first, await Store.Identities.GetUserAsync("alice", Ct));

        Assert.False(await Store.Identities.UpsertUserAsync(replacement, Ct));
        RecordAssert.Equal(replacement, await Store.Identities.GetUserAsync("alice", Ct));

        Assert.False(await Store.Identities.UpsertUserAsync(replacement with { Groups = [] }, Ct));
        Assert.Empty((await Store.Identities.GetUserAsync("alice", Ct))!.Groups);
    }

    [Fact]
    public async Task Users_Get_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.Identities.GetUserAsync("absent", Ct));
    }

    [Fact]
    public async Task Users_List_IsOrderedById()
    {
        await Store.Identities.UpsertUserAsync(Some.User("carol"), Ct);
        await Store.Identities.UpsertUserAsync(Some.User("alice", "eng"), Ct);
        await Store.Identities.UpsertUserAsync(Some.User("bob"), Ct);

        var list = await Store.Identities.ListUsersAsync(Ct);

        Assert.Equal(["alice", "bob", "carol"], list.Select(u => u.Id));
        RecordAssert.Equal(Some.User("alice", "eng"), list[0]);
    }
}
