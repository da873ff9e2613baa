using Airlock.Core.Budgets;

namespace Airlock.Core.Tests.Budgets;

public sealed class BudgetPeriodTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Theory]
    [InlineData(60, "2030-05-06T10:00:15Z", "2030-05-06T10:00:00Z")]
    [InlineData(60, "2030-05-06T10:00:00Z", "2030-05-06T10:00:00Z")]
    [InlineData(60, "2030-05-06T10:00:59.9999999Z", "2030-05-06T10:00:00Z")]
    [InlineData(1, "2030-05-06T10:00:15.5Z", "2030-05-06T10:00:15Z")]
    [InlineData(3600, "2030-05-06T10:59:59Z", "2030-05-06T10:00:00Z")]
    [InlineData(86400, "2030-05-06T23:59:59Z", "2030-05-06T00:00:00Z")]
    [InlineData(7, "1970-01-01T00:00:13Z", "1970-01-01T00:00:07Z")]
    [InlineData(7, "1969-12-31T23:59:59Z", "1969-12-31T23:59:53Z")]
    public void WindowAt_IsAlignedToTheUnixEpoch(int seconds, string now, string start)
    {
        var window = BudgetPeriod.WindowAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds));

        Assert.Equal(BudgetPeriodKind.Window, window.Kind);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), window.Start);
        Assert.Equal(window.Start.AddSeconds(seconds), window.End);
    }

    [Fact]
    public void WindowAt_AnOffsetTime_IsTheSameWindowAsItsUtcInstant()
    {
        var local = new DateTimeOffset(2030, 5, 6, 15, 30, 15, TimeSpan.FromHours(5.5));

        Assert.Equal(BudgetPeriod.WindowAt(local.ToUniversalTime(), TimeSpan.FromMinutes(1)), BudgetPeriod.WindowAt(local, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void DayAt_IsTheUtcCalendarDay_WhateverTheOffset()
    {
        // 02:00 on the 7th at +05:30 is 20:30 UTC on the 6th.
        var day = BudgetPeriod.DayAt(new DateTimeOffset(2030, 5, 7, 2, 0, 0, TimeSpan.FromHours(5.5)));

        Assert.Equal(Utc(2030, 5, 6), day.Start);
        Assert.Equal(Utc(2030, 5, 7), day.End);
        Assert.Equal(TimeSpan.Zero, day.Start.Offset);
    }

    [Theory]
    [InlineData(2030, 5, 31, 2030, 6, 1)]
    [InlineData(2030, 12, 31, 2031, 1, 1)]
    [InlineData(2028, 2, 29, 2028, 3, 1)]
    [InlineData(2030, 2, 1, 2030, 3, 1)]
    public void MonthAt_RunsFromTheFirstToTheFirstOfTheNextMonth(int y, int m, int d, int endY, int endM, int endD)
    {
        var month = BudgetPeriod.MonthAt(Utc(y, m, d, 23, 59, 59));

        Assert.Equal(Utc(y, m, 1), month.Start);
        Assert.Equal(Utc(endY, endM, endD), month.End);
    }

    [Fact]
    public void KindOf_CountsRequestsAndTokensPerWindowAndMoneyPerDayAndMonth()
    {
        Assert.Equal(BudgetPeriodKind.Window, BudgetPeriod.KindOf(BudgetLimitKind.Requests));
        Assert.Equal(BudgetPeriodKind.Window, BudgetPeriod.KindOf(BudgetLimitKind.Tokens));
        Assert.Equal(BudgetPeriodKind.Day, BudgetPeriod.KindOf(BudgetLimitKind.UsdPerDay));
        Assert.Equal(BudgetPeriodKind.Month, BudgetPeriod.KindOf(BudgetLimitKind.UsdPerMonth));
    }
}
