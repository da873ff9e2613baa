using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;
using static Airlock.Cedar.Tests.Extensions.ExtensionTestHelpers;

namespace Airlock.Cedar.Tests.Extensions;

public class DatetimeFunctionTests
{
    [Theory]
    [InlineData("2024-10-28T10:12:13.456-0700", "-7h", "2024-10-28T10:12:13.456Z")]
    [InlineData("2024-10-28T10:12:13.456+0700", "7h", "2024-10-28T10:12:13.456Z")]
    [InlineData("1970-01-01", "1d", "1970-01-02")]
    [InlineData("1970-01-01", "-1d", "1969-12-31")]
    [InlineData("2024-02-28", "1d", "2024-02-29")]
    [InlineData("2024-10-15", "0ms", "2024-10-15")]
    public void Offset_MovesTheInstant(string start, string offset, string expected) =>
        Assert.Equal(Dt(expected), Call("offset", Dt(start), Dur(offset)));

    [Fact]
    public void Offset_Overflow_IsEvaluationError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("offset", new DatetimeValue(long.MaxValue), Dur("1ms")));
        Assert.Equal(
            "error while evaluating `offset` extension function: overflows when adding an offset: "
            + "datetime(\"1970-01-01\").offset(duration(\"9223372036854775807ms\"))+(1ms)",
            error.Message);
        Assert.Throws<EvaluationException>(() => Call("offset", new DatetimeValue(long.MinValue), Dur("-1ms")));
    }

    [Fact]
    public void Offset_AtTheLimits_WithoutOverflow_Succeeds()
    {
        Assert.Equal(new DatetimeValue(long.MaxValue - 1), Call("offset", new DatetimeValue(long.MaxValue), Dur("-1ms")));
        Assert.Equal(new DatetimeValue(long.MinValue + 1), Call("offset", new DatetimeValue(long.MinValue), Dur("1ms")));
    }

    [Fact]
    public void Offset_ResultDisplaysInCanonicalForm() =>
        Assert.Equal(
            "datetime(\"1970-01-01\").offset(duration(\"86400000ms\"))",
            Call("offset", Dt("1970-01-01"), Dur("1d")).ToString());

    [Theory]
    [InlineData("2024-10-24", "2024-10-23", "1d")]
    [InlineData("2024-10-23", "2024-10-24", "-1d")]
    [InlineData("2024-10-24", "1970-01-01", "20020d")]
    [InlineData("2024-10-28T10:12:13.456+0700", "2024-10-28T10:12:13.456Z", "-7h")]
    [InlineData("2024-10-28T10:12:13.456-0700", "2024-10-28T10:12:13.456Z", "7h")]
    public void DurationSince_IsTheDifference(string later, string earlier, string expected) =>
        Assert.Equal(Dur(expected), Call("durationSince", Dt(later), Dt(earlier)));

    [Fact]
    public void DurationSince_Overflow_IsEvaluationError()
    {
        Assert.Throws<EvaluationException>(() => Call("durationSince", new DatetimeValue(long.MaxValue), new DatetimeValue(-1)));
        Assert.Throws<EvaluationException>(() => Call("durationSince", new DatetimeValue(long.MinValue), new DatetimeValue(1)));
        Assert.Equal(new DurationValue(long.MaxValue), Call("durationSince", new DatetimeValue(long.MaxValue), new DatetimeValue(0)));
    }

    [Fact]
    public void DurationSince_DurationArgument_IsTypeError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("durationSince", Dt("2024-10-24"), Dur("1d")));
        Assert.Equal("type error: expected datetime, got duration", error.Message);
    }

    [Theory]
    [InlineData("2024-10-28T10:12:13.456+0700", "2024-10-28")]
    [InlineData("2024-10-28T10:12:13.456-0700", "2024-10-28")]
    [InlineData("2024-10-28T23:00:00-0700", "2024-10-29")]
    [InlineData("2024-10-28", "2024-10-28")]
    [InlineData("1969-12-31T23:59:59.999Z", "1969-12-31")]
    [InlineData("1969-12-31", "1969-12-31")]
    [InlineData("1900-01-01T12:00:00Z", "1900-01-01")]
    [InlineData("0000-01-01T23:59:59.999Z", "0000-01-01")]
    public void ToDate_TruncatesToMidnightUtc_RoundingDownBeforeTheEpoch(string text, string expected) =>
        Assert.Equal(Dt(expected), Call("toDate", Dt(text)));

    [Fact]
    public void ToDate_NearMinimum_Overflows()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("toDate", new DatetimeValue(long.MinValue)));
        Assert.StartsWith("error while evaluating `toDate` extension function: overflows when computing the date of ", error.Message, StringComparison.Ordinal);

        // The first instant whose day start is representable.
        var firstMidnight = long.MinValue + (86_400_000 - (long.MinValue % 86_400_000 + 86_400_000) % 86_400_000) % 86_400_000;
        Assert.Equal(new DatetimeValue(firstMidnight), Call("toDate", new DatetimeValue(firstMidnight + 5)));
        Assert.Equal(new DatetimeValue(9_223_372_036_828_800_000), Call("toDate", new DatetimeValue(long.MaxValue)));
    }

    [Theory]
    [InlineData("2024-10-28T10:12:13.456+0700", "3h12m13s456ms")]
    [InlineData("2024-10-28T10:12:13.456-0700", "17h12m13s456ms")]
    [InlineData("2024-10-28", "0ms")]
    [InlineData("1969-12-31T23:59:59.999Z", "23h59m59s999ms")]
    [InlineData("1969-12-31", "0ms")]
    [InlineData("1900-01-01T00:00:00.001Z", "1ms")]
    public void ToTime_IsTimeSinceMidnightUtc_NeverNegative(string text, string expected) =>
        Assert.Equal(Dur(expected), Call("toTime", Dt(text)));

    [Fact]
    public void ToTime_AtExtremes_StaysWithinADay()
    {
        var min = Assert.IsType<DurationValue>(Call("toTime", new DatetimeValue(long.MinValue)));
        Assert.InRange(min.Milliseconds, 0, 86_399_999);
        Assert.Equal(new DurationValue(long.MaxValue - 9_223_372_036_828_800_000), Call("toTime", new DatetimeValue(long.MaxValue)));
    }

    [Fact]
    public void DatetimeMethods_OnString_AreTypeErrors()
    {
        Assert.Equal(
            "type error: expected duration, got string",
            Assert.Throws<EvaluationException>(() => Call("offset", Dt("2024-10-28"), Str("7h"))).Message);
        Assert.Equal(
            "type error: expected datetime, got string",
            Assert.Throws<EvaluationException>(() => Call("toDate", Str("2024-10-28"))).Message);
    }

    [Fact]
    public void DatetimeMethods_WrongArity_Throw()
    {
        Assert.Throws<EvaluationException>(() => Call("toDate", Dt("2024-10-28"), Values.LongValue.Of(1)));
        Assert.Throws<EvaluationException>(() => Call("toTime"));
    }

    [Fact]
    public void Datetime_Ordering_ComparesInstants()
    {
        Assert.True(Dt("2024-10-28T10:12:13.456-0700") > Dt("2024-10-28T10:12:13.456Z"));
        Assert.True(Dt("2024-10-28T10:12:13.456-0700") < Dt("2024-10-28T17:12:13.456-0800"));
        Assert.True(Dt("2024-10-28T10:12:13.456-0700") <= Dt("2024-10-28T17:12:13.456Z"));
        Assert.True(Dt("1969-12-31") < Dt("1970-01-01"));
    }
}
