using Airlock.Core.Budgets;

namespace Airlock.Core.Tests.Budgets;

public sealed class BudgetLimitsTests
{
    [Fact]
    public void Validate_SensibleLimits_HasNoErrors()
    {
        Assert.Empty(new BudgetLimits { RequestsPerWindow = 0 }.Validate());
        Assert.Empty(new BudgetLimits { TokensPerWindow = 1, Window = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Empty(new BudgetLimits { UsdMicrosPerDay = BudgetLimits.MaxLimit, Window = TimeSpan.FromDays(1) }.Validate());
        Assert.Equal(TimeSpan.FromMinutes(1), new BudgetLimits().Window);
    }

    [Fact]
    public void Validate_ReportsEveryFieldAtFaultAtOnce()
    {
        var limits = new BudgetLimits
        {
            RequestsPerWindow = -1,
            TokensPerWindow = BudgetLimits.MaxLimit + 1,
            Window = TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1),
            UsdMicrosPerDay = -5,
            UsdMicrosPerMonth = BudgetLimits.MaxLimit + 1,
        };

        var fields = limits.Validate().Select(e => e.Field);

        Assert.Equal(["requests_per_window", "tokens_per_window", "usd_per_day", "usd_per_month", "window_seconds"], fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1500)]
    public void Validate_AWindowThatIsNotWholeSecondsFromOneToADay_IsRefused(long milliseconds)
    {
        var errors = new BudgetLimits { RequestsPerWindow = 1, Window = TimeSpan.FromMilliseconds(milliseconds) }.Validate();

        Assert.Equal("window_seconds", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_NoLimitAtAll_IsRefusedWithAHint()
    {
        var error = Assert.Single(new BudgetLimits { Window = TimeSpan.FromSeconds(30) }.Validate());

        Assert.Equal("limits", error.Field);
        Assert.Contains("delete", error.Message, StringComparison.Ordinal);
    }
}
