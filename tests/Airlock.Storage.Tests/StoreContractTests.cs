using Airlock.Core.Storage;

namespace Airlock.Storage.Tests;

/// <summary>
/// What every <see cref="IAirlockStore"/> promises, run against each provider by a subclass that only says how to
/// make an empty store. Times are compared to the microsecond, the precision every provider keeps.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private IAirlockStore? store;

    protected IAirlockStore Store => store ?? throw new InvalidOperationException("the store is created in InitializeAsync");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store of the provider under test; the suite migrates and disposes it.</summary>
    protected abstract Task<IAirlockStore> CreateStoreAsync();

    /// <summary>Frees what <see cref="CreateStoreAsync"/> set up, after the store is disposed.</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        store = await CreateStoreAsync();
        await store.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Migrate_CalledAgain_IsIdempotent()
    {
        await Store.Identities.TryAddAgentAsync(Support.Some.Agent("a1"), Ct);

        await Store.MigrateAsync(Ct);

        Assert.NotNull(await Store.Identities.GetAgentAsync("a1", Ct));
    }

    [Fact]
    public async Task Times_WithAnOffsetAndMicroseconds_ComeBackAsTheSameInstantInUtc()
    {
        var created = new DateTimeOffset(2031, 12, 31, 23, 59, 59, TimeSpan.FromHours(5.5)).AddTicks(9_999_990);
        var agent = Support.Some.Agent("a1") with { CreatedAt = created };

        await Store.Identities.TryAddAgentAsync(agent, Ct);

        var read = await Store.Identities.GetAgentAsync("a1", Ct);
        Assert.NotNull(read);
        Assert.Equal(created.UtcTicks, read.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
    }
}
