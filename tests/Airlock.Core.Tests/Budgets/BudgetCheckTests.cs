using Airlock.Core.Budgets;

namespace Airlock.Core.Tests.Budgets;

public sealed class BudgetCheckTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 6, 10, 0, 15, TimeSpan.Zero);
    private static readonly BudgetSubject Bot = BudgetSubject.Agent("bot");

    private static BudgetUsage Usage(BudgetLimits? limits, BudgetCharge? used = null, BudgetCharge? reserved = null, bool fromDefault = false)
    {
        var subjectLimits = limits is null ? null : new SubjectLimits(fromDefault ? BudgetSubject.DefaultOf(BudgetScope.Agent) : Bot, limits, Now);
        var (window, day, month) = BudgetCheck.PeriodsAt(subjectLimits, Now);
        BudgetPeriodUsage Period(BudgetPeriod p) => new(p, used ?? BudgetCharge.Zero, reserved ?? BudgetCharge.Zero);
        return new BudgetUsage(Bot, subjectLimits, Period(window), Period(day), Period(month));
    }

    [Fact]
    public void Check_NoLimits_AlwaysFits()
    {
        Assert.Null(BudgetCheck.Check(Usage(null, new BudgetCharge(long.MaxValue, long.MaxValue, long.MaxValue)), new BudgetCharge(1, 1, 1), Now));
    }

    [Fact]
    public void Check_UsedPlusReservedPlusWorstCaseEqualToTheLimit_Fits()
    {
        var usage = Usage(new BudgetLimits { TokensPerWindow = 100 }, used: new BudgetCharge(0, 60, 0), reserved: new BudgetCharge(0, 30, 0));

        Assert.Null(BudgetCheck.Check(usage, new BudgetCharge(1, 10, 0), Now));
        Assert.Equal(BudgetLimitKind.Tokens, BudgetCheck.Check(usage, new BudgetCharge(1, 11, 0), Now)!.Kind);
    }

    [Fact]
    public void Check_UsageFarOverTheLimit_DoesNotOverflow()
    {
        var usage = Usage(new BudgetLimits { TokensPerWindow = 100 }, used: new BudgetCharge(0, long.MaxValue, 0), reserved: new BudgetCharge(0, long.MaxValue, 0));

        var refusal = BudgetCheck.Check(usage, new BudgetCharge(0, 1, 0), Now);

        Assert.Equal(BudgetRefusalReason.Exhausted, refusal!.Reason);
        Assert.Equal(0, usage.ByKind[1].Remaining);
    }

    [Fact]
    public void Check_MoneyPerDayAndPerMonth_AreCountedInTheirOwnPeriods()
    {
        var usage = Usage(new BudgetLimits { UsdMicrosPerDay = 10, UsdMicrosPerMonth = 100 }, used: new BudgetCharge(0, 0, 95));

        var refusal = BudgetCheck.Check(usage, new BudgetCharge(1, 0, 6), Now)!;

        Assert.Equal(BudgetLimitKind.UsdPerMonth, refusal.Kind);
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero) - Now, refusal.RetryAfter);
    }

    [Fact]
    public void MoreDecisive_NeverFittingBeatsWaiting_AndTheLongerWaitBeatsTheShorter()
    {
        var usage = Usage(new BudgetLimits { RequestsPerWindow = 1, UsdMicrosPerDay = 5 }, used: new BudgetCharge(1, 0, 5));
        var window = BudgetCheck.Check(usage, new BudgetCharge(1, 0, 0), Now)!;
        var day = BudgetCheck.Check(usage, new BudgetCharge(0, 0, 1), Now)!;
        var never = BudgetCheck.Check(usage, new BudgetCharge(0, 0, 6), Now)!;

        Assert.Equal(TimeSpan.FromSeconds(45), window.RetryAfter);
        Assert.Same(day, BudgetCheck.MoreDecisive(window, day));
        Assert.Same(day, BudgetCheck.MoreDecisive(day, window));
        Assert.Same(never, BudgetCheck.MoreDecisive(day, never));
        Assert.Same(never, BudgetCheck.MoreDecisive(never, window));
        Assert.Same(window, BudgetCheck.MoreDecisive(null, window));
        Assert.Same(window, BudgetCheck.MoreDecisive(window, null));
    }

    [Fact]
    public void Describe_SaysWhoseLimitWhatIsLeftAndWhatToDo()
    {
        var usage = Usage(new BudgetLimits { RequestsPerWindow = 100, UsdMicrosPerDay = 2_000_000 }, used: new BudgetCharge(98, 0, 0), reserved: new BudgetCharge(2, 0, 0), fromDefault: true);

        var exhausted = BudgetCheck.Check(usage, new BudgetCharge(1, 0, 0), Now)!.Describe();
        var tooBig = BudgetCheck.Check(usage, new BudgetCharge(0, 0, 2_500_000), Now)!.Describe();

        Assert.Equal(
            "the budget of the agent 'bot' (by the default for every agent) is spent: it allows 100 requests per 60-second window, " +
            "98 used and 2 reserved by calls in flight, and this call needs up to 1; retry after 45 s, when the window ends",
            exhausted);
        Assert.Equal(
            "this call alone may use up to 2.500000 USD, more than the 2.000000 USD per UTC day allowed to the agent 'bot' " +
            "(by the default for every agent); ask for less (for a model, lower max_tokens)",
            tooBig);
    }

    [Fact]
    public void ForCall_ChargesTheSessionItsAgentAndItsUser()
    {
        var session = new Airlock.Core.Sessions.Session("ses_x", "bot", "alice", "intent", [], Now, Now.AddHours(1), null, null);

        Assert.Equal([BudgetSubject.Session("ses_x"), Bot, BudgetSubject.User("alice")], BudgetSubject.ForCall(session));
        Assert.Equal([BudgetSubject.Session("ses_x"), Bot], BudgetSubject.ForCall(session with { UserId = null }));
    }
}
