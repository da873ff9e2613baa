using Airlock.Core;
using Airlock.Core.Budgets;
using Airlock.Core.Storage;
using Airlock.Core.Tests.Support;
using Airlock.Storage.Sqlite;
using Airlock.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Tests.Budgets;

/// <summary>The ledger over a real SQLite store, with a clock that moves only when told.</summary>
public sealed class BudgetLedgerTests : IAsyncLifetime
{
    private static readonly BudgetSubject Bot = BudgetSubject.Agent("bot");

    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2030, 5, 6, 10, 0, 15, TimeSpan.Zero));
    private SqliteAirlockStore? store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteAirlockStore Store => store!;

    private BudgetLedger Ledger => new(Store, time);

    public async ValueTask InitializeAsync()
    {
        store = SqliteAirlockStore.Open(directory.Path);
        await store.MigrateAsync(Ct);
        await store.Identities.TryAddAgentAsync(Some.Agent("bot"), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task TryReserve_Misuse_ThrowsAndReservesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.TryReserveAsync([], new BudgetCharge(1, 0, 0), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.TryReserveAsync([BudgetSubject.DefaultOf(BudgetScope.Agent)], new BudgetCharge(1, 0, 0), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryReserveAsync([Bot], new BudgetCharge(-1, 0, 0), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.TryReserveAsync([Bot], new BudgetCharge(0, BudgetCharge.MaxAmount + 1, 0), Ct));

        Assert.Equal(BudgetCharge.Zero, (await Ledger.GetUsageAsync(Bot, Ct)).Day.Reserved);
    }

    [Fact]
    public async Task TryReserve_ThenSettleLater_ChargesTheWindowsOfTheReservation()
    {
        await Ledger.SetLimitsAsync(Bot, new BudgetLimits { RequestsPerWindow = 1 }, Ct);
        var reserved = await Ledger.TryReserveAsync([Bot, Bot, BudgetSubject.User("alice")], new BudgetCharge(1, 100, 50), Ct);
        Assert.True(reserved.IsReserved);
        Assert.StartsWith("rsv_", reserved.Reservation.Id, StringComparison.Ordinal);
        Assert.Equal([Bot, BudgetSubject.User("alice")], reserved.Reservation.Subjects);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await Ledger.SettleAsync(reserved.Reservation, new BudgetCharge(1, 80, 40), Ct));
        Assert.False(await Ledger.SettleAsync(reserved.Reservation, new BudgetCharge(1, 80, 40), Ct));

        var usage = await Ledger.GetUsageAsync(Bot, Ct);
        Assert.Equal(BudgetCharge.Zero, usage.Window.Used);
        Assert.Equal(new BudgetCharge(1, 80, 40), usage.Day.Used);
        Assert.True((await Ledger.TryReserveAsync([Bot], new BudgetCharge(1, 0, 0), Ct)).IsReserved);
    }

    [Fact]
    public async Task TryReserve_WhenTheStoreFails_ThrowsStoreExceptionSoTheCallIsRefused()
    {
        Execute("ALTER TABLE budget_usage RENAME TO budget_usage_gone");

        await Assert.ThrowsAsync<StoreException>(() => Ledger.TryReserveAsync([Bot], new BudgetCharge(1, 0, 0), Ct));
    }

    [Fact]
    public async Task SetLimits_InvalidSubjectOrLimits_ReportsEveryFieldAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ControlPlaneException>(() =>
            Ledger.SetLimitsAsync(BudgetSubject.Agent("bad id"), new BudgetLimits { RequestsPerWindow = -1, Window = TimeSpan.Zero }, Ct));

        Assert.Equal(ControlPlaneError.Validation, error.Error);
        Assert.Equal(["id", "requests_per_window", "window_seconds"], error.Fields.Select(f => f.Field));
        Assert.Empty(await Ledger.ListLimitsAsync(Ct));
    }

    [Fact]
    public async Task SetLimits_UnregisteredAgentOrUnknownSession_IsRefused_AUserNeedNotBeRegistered()
    {
        var limits = new BudgetLimits { RequestsPerWindow = 5 };

        var agent = await Assert.ThrowsAsync<ControlPlaneException>(() => Ledger.SetLimitsAsync(BudgetSubject.Agent("ghost"), limits, Ct));
        var session = await Assert.ThrowsAsync<ControlPlaneException>(() => Ledger.SetLimitsAsync(BudgetSubject.Session("ses_none"), limits, Ct));

        Assert.Contains("airlock agent add ghost", Assert.Single(agent.Fields).Message, StringComparison.Ordinal);
        Assert.Equal("id", Assert.Single(session.Fields).Field);
        Assert.True((await Ledger.SetLimitsAsync(BudgetSubject.User("anyone"), limits, Ct)).Created);
        Assert.True((await Ledger.SetLimitsAsync(BudgetSubject.DefaultOf(BudgetScope.Session), limits, Ct)).Created);
        var replaced = await Ledger.SetLimitsAsync(BudgetSubject.User("anyone"), limits with { RequestsPerWindow = 6 }, Ct);
        Assert.False(replaced.Created);
        Assert.Equal(time.GetUtcNow(), replaced.Limits.UpdatedAt);
    }

    [Fact]
    public async Task RemoveLimits_WithoutOwnLimits_IsNotFound()
    {
        await Ledger.SetLimitsAsync(Bot, new BudgetLimits { RequestsPerWindow = 5 }, Ct);

        await Ledger.RemoveLimitsAsync(Bot, Ct);
        var error = await Assert.ThrowsAsync<ControlPlaneException>(() => Ledger.RemoveLimitsAsync(Bot, Ct));

        Assert.Equal(ControlPlaneError.NotFound, error.Error);
        Assert.Null(await Ledger.GetLimitsAsync(Bot, Ct));
    }

    [Fact]
    public async Task Recover_SettlesEveryOpenReservationAtItsWorstCase()
    {
        var open = await Ledger.TryReserveAsync([Bot], new BudgetCharge(1, 500, 70), Ct);

        Assert.Equal(1, await Ledger.RecoverAsync(Ct));
        Assert.Equal(0, await Ledger.RecoverAsync(Ct));

        var usage = await Ledger.GetUsageAsync(Bot, Ct);
        Assert.Equal(new BudgetCharge(1, 500, 70), usage.Day.Used);
        Assert.Equal(BudgetCharge.Zero, usage.Day.Reserved);
        // Its caller, had it survived, could still correct the charge once.
        Assert.True(await Ledger.SettleAsync(open.Reservation!, new BudgetCharge(1, 20, 3), Ct));
        Assert.Equal(new BudgetCharge(1, 20, 3), (await Ledger.GetUsageAsync(Bot, Ct)).Day.Used);
    }

    [Fact]
    public async Task Sweep_SettlesAbandonedReservationsAndPrunesWhatIsPastRetention()
    {
        var ledger = new BudgetLedger(Store, time, new BudgetLedgerOptions { AbandonAfter = TimeSpan.FromMinutes(30) });
        await ledger.TryReserveAsync([Bot], new BudgetCharge(1, 10, 1), Ct);
        time.Advance(TimeSpan.FromMinutes(29));
        var fresh = await ledger.TryReserveAsync([Bot], new BudgetCharge(1, 10, 1), Ct);

        Assert.Equal(new BudgetSweepResult(0, 0), await ledger.SweepAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await ledger.SweepAsync(Ct)).Recovered);

        Assert.True(await ledger.SettleAsync(fresh.Reservation!, new BudgetCharge(1, 5, 1), Ct));
        time.Advance(TimeSpan.FromDays(2));
        var swept = await ledger.SweepAsync(Ct);
        Assert.Equal(0, swept.Recovered);
        Assert.True(swept.Pruned > 0);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Store.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
