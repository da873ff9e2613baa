using Airlock.Core.Budgets;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Budgets_SettleOpenAtWorstCase_SettlesOnlyOpenReservationsCreatedBeforeTheCutoff()
    {
        await Reserve("old", new BudgetCharge(1, 100, 10), BudgetNow, Bot);
        await Reserve("settled", new BudgetCharge(1, 100, 10), BudgetNow, Bot);
        await Store.Budgets.SettleAsync("settled", new BudgetCharge(1, 5, 1), BudgetNow, Ct);
        await Reserve("new", new BudgetCharge(1, 100, 10), BudgetNow.AddSeconds(10), Bot);

        Assert.Equal(1, await Store.Budgets.SettleOpenAtWorstCaseAsync(BudgetNow.AddSeconds(10), BudgetNow.AddSeconds(20), Ct));
        Assert.Equal(0, await Store.Budgets.SettleOpenAtWorstCaseAsync(BudgetNow.AddSeconds(10), BudgetNow.AddSeconds(20), Ct));

        var usage = await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct);
        Assert.Equal(new BudgetCharge(2, 105, 11), usage.Window.Used);
        Assert.Equal(new BudgetCharge(1, 100, 10), usage.Window.Reserved);
    }

    [Fact]
    public async Task Budgets_Settle_OfARecoveredReservation_CorrectsItToTheActualOnce()
    {
        await Reserve("r1", new BudgetCharge(1, 100, 10), BudgetNow, Bot);
        await Store.Budgets.SettleOpenAtWorstCaseAsync(DateTimeOffset.MaxValue, BudgetNow, Ct);

        Assert.True(await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 30, 4), BudgetNow, Ct));
        Assert.False(await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 99, 9), BudgetNow, Ct));
        Assert.Equal(0, await Store.Budgets.SettleOpenAtWorstCaseAsync(DateTimeOffset.MaxValue, BudgetNow, Ct));

        var usage = await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct);
        Assert.Equal(new BudgetCharge(1, 30, 4), usage.Day.Used);
        Assert.Equal(BudgetCharge.Zero, usage.Day.Reserved);
    }

    [Fact]
    public async Task Budgets_Reserve_ConcurrentCallsEachUnderTheLimitButOverItTogether_NeverHoldMoreThanTheLimit()
    {
        const long Limit = 1000;
        const long Each = 30;
        await SetBudget(Bot, new BudgetLimits { TokensPerWindow = Limit });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(
            () => Reserve($"r{i}", new BudgetCharge(1, Each, 0), BudgetNow, BudgetSubject.Session($"s{i}"), Bot),
            Ct)));

        Assert.Equal(Limit / Each, results.Count(r => r.IsReserved));
        Assert.All(results.Where(r => !r.IsReserved), r => Assert.Equal(BudgetLimitKind.Tokens, r.Refusal!.Kind));
        var usage = await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct);
        Assert.Equal(Limit / Each * Each, usage.Window.Reserved.Tokens);
        Assert.True(usage.Window.Reserved.Tokens <= Limit);
        Assert.Equal(Limit / Each, usage.Month.Reserved.Requests);
    }

    [Fact]
    public async Task Budgets_Prune_DeletesEndedPeriodsAndSettledReservations_KeepsWhatAReservationHolds()
    {
        var old = BudgetNow.AddDays(-3);
        await Reserve("done", new BudgetCharge(1, 1, 1), old, Bot);
        await Store.Budgets.SettleAsync("done", new BudgetCharge(1, 1, 1), old, Ct);
        await Reserve("open", new BudgetCharge(1, 1, 1), old.AddMinutes(5), Alice);
        await Reserve("current", new BudgetCharge(1, 1, 1), BudgetNow, Bot);

        var pruned = await Store.Budgets.PruneAsync(new BudgetPruning(BudgetNow.AddDays(-1), BudgetNow.AddDays(-1), BudgetNow.AddDays(-400), BudgetNow.AddDays(-1)), Ct);

        // The settled reservation, its three lines, and Bot's old window and day go; Alice's rows are held by "open".
        Assert.Equal(6, pruned);
        Assert.Equal(BudgetCharge.Zero, (await Store.Budgets.GetUsageAsync(Bot, old, Ct)).Day.Used);
        var month = (await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct)).Month;
        Assert.Equal(new BudgetCharge(1, 1, 1), month.Used);
        Assert.Equal(new BudgetCharge(1, 1, 1), month.Reserved);
        Assert.Equal(new BudgetCharge(1, 1, 1), (await Store.Budgets.GetUsageAsync(Alice, old.AddMinutes(5), Ct)).Window.Reserved);
        Assert.False(await Store.Budgets.SettleAsync("done", new BudgetCharge(1, 1, 1), BudgetNow, Ct));
        Assert.True(await Store.Budgets.SettleAsync("open", new BudgetCharge(1, 1, 1), BudgetNow, Ct));
    }
}
