using Airlock.Core.Budgets;

namespace Airlock.Core.Tests.Budgets;

public sealed class UsdMicrosTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 1_000_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("12.345678", 12_345_678L)]
    [InlineData("2.5000000000", 2_500_000L)]
    [InlineData("1000000000", 1_000_000_000_000_000L)]
    public void TryFromUsd_UpToSixDecimals_ConvertsExactly(string usd, long micros)
    {
        Assert.True(UsdMicros.TryFromUsd(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), BudgetLimits.MaxLimit, out var converted));
        Assert.Equal(micros, converted);
    }

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("1.0000005")]
    [InlineData("-0.000001")]
    [InlineData("1000000000.000001")]
    public void TryFromUsd_MoreThanSixDecimalsNegativeOrTooLarge_IsRefused(string usd)
    {
        Assert.False(UsdMicros.TryFromUsd(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), BudgetLimits.MaxLimit, out _));
    }

    [Fact]
    public void ToUsdAndFormat_AreExact()
    {
        Assert.Equal(2.5m, UsdMicros.ToUsd(2_500_000));
        Assert.Equal("2.5", UsdMicros.ToUsd(2_500_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("5", UsdMicros.ToUsd(5_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.000001", UsdMicros.ToUsd(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1000000000", UsdMicros.ToUsd(BudgetLimits.MaxLimit).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("12.345678", UsdMicros.Format(12_345_678));
        Assert.Equal("0.100000", UsdMicros.Format(100_000));
    }
}
