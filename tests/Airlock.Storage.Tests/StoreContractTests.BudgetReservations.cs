using Airlock.Core.Budgets;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    /// <summary>15 seconds into a minute, mid-morning, mid-month: every period has room on both sides.</summary>
    private static readonly DateTimeOffset BudgetNow = new(2030, 5, 6, 10, 0, 15, TimeSpan.Zero);

    private static readonly BudgetSubject Ses = BudgetSubject.Session("ses_1");
    private static readonly BudgetSubject Bot = BudgetSubject.Agent("bot");
    private static readonly BudgetSubject Alice = BudgetSubject.User("alice");

    [Fact]
    public async Task Budgets_Reserve_WithinLimits_HoldsTheWorstCaseForEverySubjectInEveryPeriod()
    {
        await SetBudget(Bot, new BudgetLimits { RequestsPerWindow = 10, TokensPerWindow = 1000, UsdMicrosPerDay = 5_000_000, UsdMicrosPerMonth = 50_000_000 });
        var worst = new BudgetCharge(1, 800, 4_000_000);

        var result = await Reserve("r1", worst, BudgetNow, Ses, Bot, Alice);

        Assert.True(result.IsReserved, result.Refusal?.Describe());
        Assert.Equal("r1", result.Reservation.Id);
        foreach (var subject in new[] { Ses, Bot, Alice })
        {
            // Usage is recorded for subjects without limits too, so their spend is visible.
            var usage = await Store.Budgets.GetUsageAsync(subject, BudgetNow, Ct);
            Assert.Equal(worst, usage.Window.Reserved);
            Assert.Equal(worst, usage.Day.Reserved);
            Assert.Equal(worst, usage.Month.Reserved);
            Assert.Equal(BudgetCharge.Zero, usage.Month.Used);
        }
    }

    [Fact]
    public async Task Budgets_Reserve_OneSubjectOverItsLimit_IsRefusedAndChangesNothingForAnySubject()
    {
        await SetBudget(Alice, new BudgetLimits { TokensPerWindow = 1000 });
        Assert.True((await Reserve("r1", new BudgetCharge(1, 700, 0), BudgetNow, Ses, Bot, Alice)).IsReserved);

        var refused = await Reserve("r2", new BudgetCharge(1, 400, 0), BudgetNow.AddSeconds(5), Ses, Bot, Alice);

        Assert.False(refused.IsReserved);
        var refusal = refused.Refusal;
        Assert.Equal(Alice, refusal.Subject);
        Assert.Equal(BudgetLimitKind.Tokens, refusal.Kind);
        Assert.Equal(BudgetRefusalReason.Exhausted, refusal.Reason);
        Assert.Equal((1000L, 0L, 700L, 400L), (refusal.Limit, refusal.Used, refusal.Reserved, refusal.Requested));
        Assert.False(refusal.FromDefault);
        Assert.Equal(TimeSpan.FromSeconds(40), refusal.RetryAfter); // the minute window ends at 10:01:00
        Assert.Equal(40, refusal.RetryAfterSeconds);
        foreach (var subject in new[] { Ses, Bot, Alice })
        {
            Assert.Equal(new BudgetCharge(1, 700, 0), (await Store.Budgets.GetUsageAsync(subject, BudgetNow, Ct)).Window.Reserved);
        }

        // A call that fits what is left is still reserved.
        Assert.True((await Reserve("r3", new BudgetCharge(1, 300, 0), BudgetNow, Ses, Bot, Alice)).IsReserved);
    }

    [Fact]
    public async Task Budgets_Reserve_WorstCaseOverTheLimitItself_IsRefusedAsNeverFittingWithoutRetryAfter()
    {
        await SetBudget(Bot, new BudgetLimits { RequestsPerWindow = 1, UsdMicrosPerDay = 1_000_000 });
        await Reserve("r1", new BudgetCharge(1, 0, 0), BudgetNow, Bot); // the request limit is now exhausted too

        var refused = await Reserve("r2", new BudgetCharge(1, 0, 1_000_001), BudgetNow, Bot);

        // Never fitting is reported over a wait, as waiting would not help.
        Assert.Equal(BudgetLimitKind.UsdPerDay, refused.Refusal!.Kind);
        Assert.Equal(BudgetRefusalReason.ExceedsLimit, refused.Refusal.Reason);
        Assert.Null(refused.Refusal.RetryAfter);
        Assert.Null(refused.Refusal.RetryAfterSeconds);
        Assert.Contains("this call alone", refused.Refusal.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budgets_Reserve_SeveralLimitsExhausted_ReportsTheOneThatEndsLast()
    {
        await SetBudget(Bot, new BudgetLimits { RequestsPerWindow = 1, UsdMicrosPerDay = 10, UsdMicrosPerMonth = 100 });
        await SetBudget(Alice, new BudgetLimits { TokensPerWindow = 5, Window = TimeSpan.FromHours(1) });
        await Reserve("r1", new BudgetCharge(1, 5, 10), BudgetNow, Bot, Alice);

        var refusal = (await Reserve("r2", new BudgetCharge(1, 1, 1), BudgetNow, Bot, Alice)).Refusal!;

        Assert.Equal(Bot, refusal.Subject);
        Assert.Equal(BudgetLimitKind.UsdPerDay, refusal.Kind);
        Assert.Equal(new DateTimeOffset(2030, 5, 7, 0, 0, 0, TimeSpan.Zero) - BudgetNow, refusal.RetryAfter);
    }

    [Fact]
    public async Task Budgets_Reserve_AgainstADefaultLimit_SaysSoAndCountsPerSubject()
    {
        await SetBudget(BudgetSubject.DefaultOf(BudgetScope.Session), new BudgetLimits { RequestsPerWindow = 1 });

        Assert.True((await Reserve("r1", new BudgetCharge(1, 0, 0), BudgetNow, BudgetSubject.Session("s1"))).IsReserved);
        Assert.True((await Reserve("r2", new BudgetCharge(1, 0, 0), BudgetNow, BudgetSubject.Session("s2"))).IsReserved);
        var refusal = (await Reserve("r3", new BudgetCharge(1, 0, 0), BudgetNow, BudgetSubject.Session("s1"))).Refusal!;

        Assert.Equal(BudgetSubject.Session("s1"), refusal.Subject);
        Assert.True(refusal.FromDefault);
    }

    [Fact]
    public async Task Budgets_Reserve_KindsTheChargeDoesNotUse_AreNotChecked()
    {
        await SetBudget(Bot, new BudgetLimits { TokensPerWindow = 100, UsdMicrosPerDay = 100 });
        var first = await Reserve("r1", new BudgetCharge(1, 100, 100), BudgetNow, Bot);
        await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 250, 300), BudgetNow, Ct); // actual past the limits

        Assert.True(first.IsReserved);
        Assert.True((await Reserve("r2", new BudgetCharge(1, 0, 0), BudgetNow, Bot)).IsReserved);
        Assert.False((await Reserve("r3", new BudgetCharge(1, 1, 0), BudgetNow, Bot)).IsReserved);
    }

    [Fact]
    public async Task Budgets_Settle_MovesTheWorstCaseOutOfReservedAndTheActualIntoUsed_ExactlyOnce()
    {
        await Reserve("r1", new BudgetCharge(1, 1000, 5000), BudgetNow, Bot, Alice);
        await Reserve("r2", new BudgetCharge(1, 10, 10), BudgetNow, Bot);

        Assert.True(await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 1500, 7000), BudgetNow.AddSeconds(2), Ct));
        Assert.False(await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 1, 1), BudgetNow.AddSeconds(3), Ct));
        Assert.False(await Store.Budgets.SettleAsync("unknown", new BudgetCharge(1, 1, 1), BudgetNow, Ct));

        var bot = await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct);
        // The actual exceeded the worst case: it is real spend and is recorded as such.
        Assert.Equal(new BudgetCharge(1, 1500, 7000), bot.Window.Used);
        Assert.Equal(new BudgetCharge(1, 10, 10), bot.Window.Reserved);
        Assert.Equal(new BudgetCharge(1, 1500, 7000), bot.Month.Used);
        var alice = await Store.Budgets.GetUsageAsync(Alice, BudgetNow, Ct);
        Assert.Equal(new BudgetCharge(1, 1500, 7000), alice.Day.Used);
        Assert.Equal(BudgetCharge.Zero, alice.Day.Reserved);
    }

    [Fact]
    public async Task Budgets_Settle_AfterEveryPeriodRolledOver_CountsInThePeriodsOfTheReservation()
    {
        var lastSecondOfMay = new DateTimeOffset(2030, 5, 31, 23, 59, 59, TimeSpan.Zero);
        await SetBudget(Bot, new BudgetLimits { TokensPerWindow = 100, UsdMicrosPerDay = 100, UsdMicrosPerMonth = 100 });
        await Reserve("r1", new BudgetCharge(1, 100, 100), lastSecondOfMay, Bot);
        var june = lastSecondOfMay.AddSeconds(2);

        Assert.True(await Store.Budgets.SettleAsync("r1", new BudgetCharge(1, 40, 60), june, Ct));

        var then = await Store.Budgets.GetUsageAsync(Bot, lastSecondOfMay, Ct);
        Assert.Equal(new BudgetCharge(1, 40, 60), then.Window.Used);
        Assert.Equal(new BudgetCharge(1, 40, 60), then.Day.Used);
        Assert.Equal(new BudgetCharge(1, 40, 60), then.Month.Used);
        Assert.Equal(BudgetCharge.Zero, then.Month.Reserved);
        var now = await Store.Budgets.GetUsageAsync(Bot, june, Ct);
        Assert.Equal(BudgetCharge.Zero, now.Window.Used);
        Assert.Equal(BudgetCharge.Zero, now.Day.Used);
        Assert.Equal(BudgetCharge.Zero, now.Month.Used);
        Assert.True((await Reserve("r2", new BudgetCharge(1, 100, 100), june, Bot)).IsReserved);
    }

    [Fact]
    public async Task Budgets_Reserve_ANewWindowLength_CountsFromItsOwnWindow()
    {
        await SetBudget(Bot, new BudgetLimits { RequestsPerWindow = 2, Window = TimeSpan.FromMinutes(1) });
        await Reserve("r1", new BudgetCharge(1, 0, 0), BudgetNow, Bot);
        await Reserve("r2", new BudgetCharge(1, 0, 0), BudgetNow, Bot);

        await SetBudget(Bot, new BudgetLimits { RequestsPerWindow = 2, Window = TimeSpan.FromHours(1) });

        var usage = await Store.Budgets.GetUsageAsync(Bot, BudgetNow, Ct);
        Assert.Equal(TimeSpan.FromHours(1), usage.Window.Period.End - usage.Window.Period.Start);
        Assert.Equal(BudgetCharge.Zero, usage.Window.Reserved);
        Assert.Equal(new BudgetCharge(2, 0, 0), usage.Day.Reserved);
        Assert.True((await Reserve("r3", new BudgetCharge(1, 0, 0), BudgetNow, Bot)).IsReserved);
    }

    private Task<BudgetReserveResult> Reserve(string id, BudgetCharge worst, DateTimeOffset at, params BudgetSubject[] subjects) =>
        Store.Budgets.TryReserveAsync(new BudgetReservation(id, subjects, worst, at), Ct);

    private Task<bool> SetBudget(BudgetSubject subject, BudgetLimits limits) =>
        Store.Budgets.UpsertLimitsAsync(new SubjectLimits(subject, limits, Some.T0), Ct);
}
