using Airlock.Core.Sessions;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Sessions_TryAdd_RoundTripsEveryField()
    {
        var forNobody = Some.Session("s1", "a1") with { Scope = [] };
        var forUser = Some.Session("s2", "a1", "alice");
        var revoked = Some.Session("s3", "a2", "bob") with { RevokedAt = Some.At(5), RevokedReason = "operator said so" };

        foreach (var session in new[] { forNobody, forUser, revoked })
        {
            Assert.True(await Store.Sessions.TryAddAsync(session, Ct));
        }

        RecordAssert.Equal(forNobody, await Store.Sessions.GetAsync("s1", Ct));
        RecordAssert.Equal(forUser, await Store.Sessions.GetAsync("s2", Ct));
        RecordAssert.Equal(revoked, await Store.Sessions.GetAsync("s3", Ct));
    }

    [Fact]
    public async Task Sessions_TryAdd_ExistingId_ReturnsFalseAndChangesNothing()
    {
        var first = Some.Session("s1", "a1", "alice");
        await Store.Sessions.TryAddAsync(first, Ct);

        Assert.False(await Store.Sessions.TryAddAsync(Some.Session("s1", "a2", createdMinutes: 3), Ct));

        RecordAssert.Equal(first, await Store.Sessions.GetAsync("s1", Ct));
    }

    [Fact]
    public async Task Sessions_Get_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.Sessions.GetAsync("absent", Ct));
    }

    [Fact]
    public async Task Sessions_List_ExcludesEndedSessionsJudgedAtNow_NewestFirst()
    {
        await Store.Sessions.TryAddAsync(Some.Session("old-live", "a1", createdMinutes: 0, ttlMinutes: 100), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("expires-at-50", "a1", createdMinutes: 10, ttlMinutes: 40), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("new-live", "a1", createdMinutes: 20, ttlMinutes: 60), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("revoked", "a1", createdMinutes: 30) with { RevokedAt = Some.At(31), RevokedReason = "r" }, Ct);

        // A session is live while now < expires: at its expiry instant it has ended.
        Assert.Equal(["new-live", "expires-at-50", "old-live"], await ListIds(Some.At(49)));
        Assert.Equal(["new-live", "old-live"], await ListIds(Some.At(50)));
        Assert.Equal(["old-live"], await ListIds(Some.At(80)));
        Assert.Empty(await ListIds(Some.At(100)));
        Assert.Equal(["revoked", "new-live", "expires-at-50", "old-live"], await ListIds(Some.At(100), includeEnded: true));
    }

    [Fact]
    public async Task Sessions_List_FiltersByAgentAndUser()
    {
        await Store.Sessions.TryAddAsync(Some.Session("a1-alice", "a1", "alice", createdMinutes: 1), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("a1-none", "a1", createdMinutes: 2), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("a2-alice", "a2", "alice", createdMinutes: 3), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("a2-bob", "a2", "bob", createdMinutes: 4), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("a1-alice-ended", "a1", "alice", createdMinutes: 5, ttlMinutes: 1), Ct);
        var now = Some.At(10);

        Assert.Equal(["a2-bob", "a2-alice", "a1-none", "a1-alice"], await ListIds(now));
        Assert.Equal(["a1-none", "a1-alice"], await ListIds(now, agentId: "a1"));
        Assert.Equal(["a2-alice", "a1-alice"], await ListIds(now, userId: "alice"));
        Assert.Equal(["a2-alice"], await ListIds(now, agentId: "a2", userId: "alice"));
        Assert.Equal(["a1-alice-ended", "a1-alice"], await ListIds(now, agentId: "a1", userId: "alice", includeEnded: true));
        Assert.Empty(await ListIds(now, agentId: "a3"));
    }

    [Fact]
    public async Task Sessions_List_SameCreationTime_TiesByIdDescending()
    {
        await Store.Sessions.TryAddAsync(Some.Session("s-b", "a1"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s-c", "a1"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s-a", "a1"), Ct);

        Assert.Equal(["s-c", "s-b", "s-a"], await ListIds(Some.At(1)));
    }

    [Fact]
    public async Task Sessions_Revoke_OnlyTheFirstTimeChangesIt()
    {
        var session = Some.Session("s1", "a1", "alice");
        await Store.Sessions.TryAddAsync(session, Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s2", "a1", "alice"), Ct);

        Assert.True(await Store.Sessions.RevokeAsync("s1", Some.At(5), "first", Ct));
        Assert.False(await Store.Sessions.RevokeAsync("s1", Some.At(6), "second", Ct));
        Assert.False(await Store.Sessions.RevokeAsync("absent", Some.At(6), "r", Ct));

        RecordAssert.Equal(session with { RevokedAt = Some.At(5), RevokedReason = "first" }, await Store.Sessions.GetAsync("s1", Ct));
        Assert.Null((await Store.Sessions.GetAsync("s2", Ct))!.RevokedAt);
    }

    [Fact]
    public async Task Sessions_RevokeByAgent_RevokesAndReturnsExactlyItsUnrevokedSessions()
    {
        await Store.Sessions.TryAddAsync(Some.Session("s3", "a1", "alice"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s1", "a1"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s2", "a1", ttlMinutes: 1), Ct); // expired but never revoked
        await Store.Sessions.TryAddAsync(Some.Session("s4", "a1") with { RevokedAt = Some.At(1), RevokedReason = "earlier" }, Ct);
        await Store.Sessions.TryAddAsync(Some.Session("other", "a2", "alice"), Ct);

        var revoked = await Store.Sessions.RevokeByAgentAsync("a1", Some.At(10), "agent compromised", Ct);

        Assert.Equal(["s1", "s2", "s3"], revoked);
        foreach (var id in revoked)
        {
            var session = await Store.Sessions.GetAsync(id, Ct);
            RecordAssert.Time(Some.At(10), session!.RevokedAt);
            Assert.Equal("agent compromised", session.RevokedReason);
        }

        var earlier = await Store.Sessions.GetAsync("s4", Ct);
        RecordAssert.Time(Some.At(1), earlier!.RevokedAt);
        Assert.Equal("earlier", earlier.RevokedReason);
        Assert.Null((await Store.Sessions.GetAsync("other", Ct))!.RevokedAt);
        Assert.Empty(await Store.Sessions.RevokeByAgentAsync("a1", Some.At(11), "again", Ct));
        Assert.Empty(await Store.Sessions.RevokeByAgentAsync("absent", Some.At(11), "none", Ct));
    }

    [Fact]
    public async Task Sessions_RevokeByUser_RevokesAndReturnsExactlyItsUnrevokedSessions()
    {
        await Store.Sessions.TryAddAsync(Some.Session("s2", "a2", "alice"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s1", "a1", "alice"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("s3", "a1", "alice") with { RevokedAt = Some.At(1), RevokedReason = "earlier" }, Ct);
        await Store.Sessions.TryAddAsync(Some.Session("bob", "a1", "bob"), Ct);
        await Store.Sessions.TryAddAsync(Some.Session("nobody", "a1"), Ct);

        var revoked = await Store.Sessions.RevokeByUserAsync("alice", Some.At(10), "user left", Ct);

        Assert.Equal(["s1", "s2"], revoked);
        Assert.Equal("user left", (await Store.Sessions.GetAsync("s2", Ct))!.RevokedReason);
        Assert.Equal("earlier", (await Store.Sessions.GetAsync("s3", Ct))!.RevokedReason);
        Assert.Null((await Store.Sessions.GetAsync("bob", Ct))!.RevokedAt);
        Assert.Null((await Store.Sessions.GetAsync("nobody", Ct))!.RevokedAt);
        Assert.Empty(await Store.Sessions.RevokeByUserAsync("alice", Some.At(11), "again", Ct));
    }

    private async Task<string[]> ListIds(DateTimeOffset now, string? agentId = null, string? userId = null, bool includeEnded = false)
    {
        IReadOnlyList<Session> sessions = await Store.Sessions.ListAsync(now, agentId, userId, includeEnded, Ct);
        return [.. sessions.Select(s => s.Id)];
    }
}
