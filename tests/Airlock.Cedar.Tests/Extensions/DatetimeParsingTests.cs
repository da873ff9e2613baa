using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Tests.Extensions;

public class DatetimeParsingTests
{
    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("1970-01-02", 86_400_000)]
    [InlineData("1969-12-31", -86_400_000)]
    [InlineData("1969-12-31T23:59:59.999Z", -1)]
    [InlineData("0000-01-01", -62_167_219_200_000)]
    [InlineData("0000-03-01", -62_162_035_200_000)]
    [InlineData("9999-12-31T23:59:59.999Z", 253_402_300_799_999)]
    [InlineData("9999-12-31T00:00:00-2359", 253_402_300_740_000)]
    [InlineData("0000-01-01T00:00:00+2359", -62_167_305_540_000)]
    public void Datetime_ValidLiteral_ParsesToEpochMilliseconds(string text, long epoch)
    {
        Assert.True(DatetimeValue.TryParse(text, out var value));
        Assert.Equal(epoch, value.EpochMilliseconds);
    }

    [Theory]
    [InlineData("2024-10-15", 2024, 10, 15, 0, 0, 0, 0, 0)]
    [InlineData("2024-10-15T11:38:02Z", 2024, 10, 15, 11, 38, 2, 0, 0)]
    [InlineData("2024-10-15T11:38:02.101Z", 2024, 10, 15, 11, 38, 2, 101, 0)]
    [InlineData("2024-10-15T11:38:02.101+1134", 2024, 10, 15, 11, 38, 2, 101, 694)]
    [InlineData("2024-10-15T11:38:02.101-1134", 2024, 10, 15, 11, 38, 2, 101, -694)]
    [InlineData("2024-10-15T11:38:02+1134", 2024, 10, 15, 11, 38, 2, 0, 694)]
    [InlineData("2024-02-29T12:00:00.000+0000", 2024, 2, 29, 12, 0, 0, 0, 0)]
    [InlineData("2000-02-29T12:00:00-0000", 2000, 2, 29, 12, 0, 0, 0, 0)]
    [InlineData("1900-01-01T00:00:00.001Z", 1900, 1, 1, 0, 0, 0, 1, 0)]
    [InlineData("0001-01-01", 1, 1, 1, 0, 0, 0, 0, 0)]
    [InlineData("2016-12-31T23:59:59Z", 2016, 12, 31, 23, 59, 59, 0, 0)]
    public void Datetime_ValidLiteral_MatchesCalendarArithmetic(
        string text, int year, int month, int day, int hour, int minute, int second, int ms, int offsetMinutes)
    {
        var expected = new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.FromMinutes(offsetMinutes));
        Assert.Equal(expected.ToUnixTimeMilliseconds(), DatetimeValue.Parse(text).EpochMilliseconds);
    }

    [Theory]
    [InlineData("0000-02-29")]
    [InlineData("0400-02-29")]
    [InlineData("2000-02-29")]
    public void Datetime_LeapDayOfLeapYear_IsAccepted(string text) => Assert.True(DatetimeValue.TryParse(text, out _));

    [Theory]
    [InlineData("", "invalid date pattern")]
    [InlineData("a", "invalid date pattern")]
    [InlineData("-", "invalid date pattern")]
    [InlineData("-1", "invalid date pattern")]
    [InlineData("11-12-13", "invalid date pattern")]
    [InlineData("1111-1x-20", "invalid date pattern")]
    [InlineData("0000-0a-01", "invalid date pattern")]
    [InlineData("10000-01-01", "invalid date pattern")]
    [InlineData("10000-01-01T00:00:00Z", "invalid date pattern")]
    [InlineData("2024-1-01", "invalid date pattern")]
    [InlineData("-2024-01-01", "invalid date pattern")]
    [InlineData("2024/01/01", "invalid date pattern")]
    [InlineData("2024-00-01", "invalid date: 2024-00-01")]
    [InlineData("2024-01-00", "invalid date: 2024-01-00")]
    [InlineData("2024-02-30", "invalid date: 2024-02-30")]
    [InlineData("2025-02-29", "invalid date: 2025-02-29")]
    [InlineData("1900-02-29", "invalid date: 1900-02-29")]
    [InlineData("2024-20-01", "invalid date: 2024-20-01")]
    [InlineData("2024-01-32", "invalid date: 2024-01-32")]
    [InlineData("2024-01-99", "invalid date: 2024-01-99")]
    [InlineData("2024-04-31", "invalid date: 2024-04-31")]
    [InlineData("2024-02-30T00:00:00Z", "invalid date: 2024-02-30")]
    [InlineData("2024-10-15Z", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01Ta", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T01:", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T01:02", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T01:02:0b", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T01::02:03", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01t00:00:00Z", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01 00:00:00Z", "invalid hour/minute/second pattern")]
    [InlineData("2024-02-30T0:00:00Z", "invalid hour/minute/second pattern")]
    [InlineData("2024-01-01T31:02:03Z", "invalid hour/minute/second: 31:02:03")]
    [InlineData("2024-01-01T01:60:03Z", "invalid hour/minute/second: 01:60:03")]
    [InlineData("2016-12-31T23:59:60Z", "invalid hour/minute/second: 23:59:60")]
    [InlineData("2016-12-31T24:00:00Z", "invalid hour/minute/second: 24:00:00")]
    [InlineData("2024-01-01T00:00:00", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-02-30T00:00:00", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-10-15T11:38:02ZZ", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00T", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00z", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00x001Z", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.001ZZ", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00\u27950000", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.001\u27960000", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.0001Z", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.1Z", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.Z", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.001", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.001+00000", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00.001-00000", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00+01:00", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00+01", "invalid millisecond and/or offset pattern")]
    [InlineData("2024-01-01T00:00:00Z\n", "invalid millisecond and/or offset pattern")]
    [InlineData("2016-12-31T00:00:00+1160", "invalid offset range: 1160")]
    [InlineData("2016-12-31T00:00:00+1199", "invalid offset range: 1199")]
    [InlineData("2016-12-31T00:00:00+2400", "invalid offset range: 240")]
    [InlineData("2016-12-31T00:00:00-0960", "invalid offset range: 960")]
    [InlineData("2016-12-31T25:00:00+2400", "invalid hour/minute/second: 25:00:00")]
    public void Datetime_InvalidLiteral_IsRejectedWithReferenceMessage(string text, string message)
    {
        Assert.False(DatetimeValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DatetimeValue.Parse(text));
        Assert.Equal("error while evaluating `datetime` extension function: " + message, error.Message);
    }

    [Theory]
    [InlineData("2024-10-28T10:12:13.456-0700", "2024-10-28T17:12:13.456Z")]
    [InlineData("2024-10-15T23:59:00+2359", "2024-10-15")]
    [InlineData("2024-10-15T00:00:00Z", "2024-10-15")]
    [InlineData("2024-10-15T00:00:00.000+0000", "2024-10-15T00:00:00-0000")]
    public void Datetime_SameInstantWrittenDifferently_IsEqual(string a, string b)
    {
        Assert.Equal(DatetimeValue.Parse(a), DatetimeValue.Parse(b));
        Assert.Equal(DatetimeValue.Parse(a).GetHashCode(), DatetimeValue.Parse(b).GetHashCode());
    }

    [Fact]
    public void Datetime_ToString_KeepsSourceAndComputedValuesUseOffsetForm()
    {
        Assert.Equal("datetime(\"2024-10-15\")", DatetimeValue.Parse("2024-10-15").ToString());
        Assert.Equal("datetime(\"1970-01-01\").offset(duration(\"86400000ms\"))", DatetimeValue.Parse("1970-01-02").ToCanonicalString());
        Assert.Equal("datetime(\"1970-01-01\").offset(duration(\"-1ms\"))", new DatetimeValue(-1).ToString());
        Assert.Equal("datetime", new DatetimeValue(0).TypeName);
    }
}
