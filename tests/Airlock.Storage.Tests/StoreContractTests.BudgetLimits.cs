using Airlock.Core.Budgets;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Budgets_UpsertLimits_RoundTripsEveryFieldAndSaysWhetherNew()
    {
        var full = new SubjectLimits(
            BudgetSubject.Agent("a1"),
            new BudgetLimits { RequestsPerWindow = 100, TokensPerWindow = 50_000, Window = TimeSpan.FromSeconds(30), UsdMicrosPerDay = 2_500_000, UsdMicrosPerMonth = 40_000_000 },
            Some.At(1));
        var sparse = new SubjectLimits(BudgetSubject.User("alice"), new BudgetLimits { UsdMicrosPerMonth = 0 }, Some.At(2));

        Assert.True(await Store.Budgets.UpsertLimitsAsync(full, Ct));
        Assert.True(await Store.Budgets.UpsertLimitsAsync(sparse, Ct));

        AssertLimits(full, await Store.Budgets.GetLimitsAsync(BudgetSubject.Agent("a1"), Ct));
        AssertLimits(sparse, await Store.Budgets.GetLimitsAsync(BudgetSubject.User("alice"), Ct));
        Assert.Null(await Store.Budgets.GetLimitsAsync(BudgetSubject.Session("a1"), Ct));

        var replaced = new SubjectLimits(BudgetSubject.Agent("a1"), new BudgetLimits { TokensPerWindow = 7 }, Some.At(3));
        Assert.False(await Store.Budgets.UpsertLimitsAsync(replaced, Ct));
        AssertLimits(replaced, await Store.Budgets.GetLimitsAsync(BudgetSubject.Agent("a1"), Ct));
    }

    [Fact]
    public async Task Budgets_ListLimits_OrdersBySessionAgentUserThenIdWithDefaultsFirst()
    {
        foreach (var subject in new[]
        {
            BudgetSubject.User("bob"), BudgetSubject.Agent("b"), BudgetSubject.Session("s1"), BudgetSubject.Agent("a"),
            BudgetSubject.DefaultOf(BudgetScope.Agent), BudgetSubject.User("alice"), BudgetSubject.Agent("B"),
        })
        {
            await Store.Budgets.UpsertLimitsAsync(new SubjectLimits(subject, new BudgetLimits { RequestsPerWindow = 1 }, Some.T0), Ct);
        }

        var list = await Store.Budgets.ListLimitsAsync(Ct);

        Assert.Equal(
            ["session:s1", "agent:*", "agent:B", "agent:a", "agent:b", "user:alice", "user:bob"],
            list.Select(l => $"{l.Subject.ScopeName}:{l.Subject.Id}"));
    }

    [Fact]
    public async Task Budgets_DeleteLimits_RemovesOnlyThatSubjectsOwnLimits()
    {
        await Store.Budgets.UpsertLimitsAsync(new SubjectLimits(BudgetSubject.Agent("a1"), new BudgetLimits { RequestsPerWindow = 1 }, Some.T0), Ct);
        await Store.Budgets.UpsertLimitsAsync(new SubjectLimits(BudgetSubject.User("a1"), new BudgetLimits { RequestsPerWindow = 2 }, Some.T0), Ct);

        Assert.True(await Store.Budgets.DeleteLimitsAsync(BudgetSubject.Agent("a1"), Ct));
        Assert.False(await Store.Budgets.DeleteLimitsAsync(BudgetSubject.Agent("a1"), Ct));

        Assert.Null(await Store.Budgets.GetLimitsAsync(BudgetSubject.Agent("a1"), Ct));
        Assert.NotNull(await Store.Budgets.GetLimitsAsync(BudgetSubject.User("a1"), Ct));
    }

    [Fact]
    public async Task Budgets_Usage_OfASubjectNeverCharged_IsZeroInTheCurrentPeriods()
    {
        var now = new DateTimeOffset(2030, 2, 14, 10, 20, 30, TimeSpan.Zero);

        var usage = await Store.Budgets.GetUsageAsync(BudgetSubject.Agent("a1"), now, Ct);

        Assert.Null(usage.Limits);
        Assert.Equal(BudgetCharge.Zero, usage.Day.Used);
        Assert.Equal(BudgetCharge.Zero, usage.Month.Reserved);
        RecordAssert.Time(new DateTimeOffset(2030, 2, 14, 10, 20, 0, TimeSpan.Zero), usage.Window.Period.Start);
        RecordAssert.Time(new DateTimeOffset(2030, 2, 15, 0, 0, 0, TimeSpan.Zero), usage.Day.Period.End);
        RecordAssert.Time(new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), usage.Month.Period.End);
    }

    [Fact]
    public async Task Budgets_Usage_ReportsTheDefaultLimitsWhenTheSubjectHasNoneOfItsOwn()
    {
        var defaults = new SubjectLimits(BudgetSubject.DefaultOf(BudgetScope.Session), new BudgetLimits { RequestsPerWindow = 5 }, Some.T0);
        await Store.Budgets.UpsertLimitsAsync(defaults, Ct);
        await Store.Budgets.UpsertLimitsAsync(new SubjectLimits(BudgetSubject.Session("own"), new BudgetLimits { RequestsPerWindow = 9 }, Some.T0), Ct);

        var inherited = await Store.Budgets.GetUsageAsync(BudgetSubject.Session("other"), Some.T0, Ct);
        var own = await Store.Budgets.GetUsageAsync(BudgetSubject.Session("own"), Some.T0, Ct);
        var agent = await Store.Budgets.GetUsageAsync(BudgetSubject.Agent("other"), Some.T0, Ct);

        Assert.True(inherited.Limits!.Subject.IsDefault);
        Assert.Equal(5, inherited.Limits.Limits.RequestsPerWindow);
        Assert.Equal(9, own.Limits!.Limits.RequestsPerWindow);
        Assert.Null(agent.Limits);
    }

    private static void AssertLimits(SubjectLimits expected, SubjectLimits? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Limits, actual.Limits);
        RecordAssert.Time(expected.UpdatedAt, actual.UpdatedAt);
    }
}
