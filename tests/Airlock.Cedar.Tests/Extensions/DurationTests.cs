using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;
using static Airlock.Cedar.Tests.Extensions.ExtensionTestHelpers;

namespace Airlock.Cedar.Tests.Extensions;

public class DurationTests
{
    [Theory]
    [InlineData("1h", 3_600_000)]
    [InlineData("-10h", -36_000_000)]
    [InlineData("5d3ms", 432_000_003)]
    [InlineData("-3h5m", -11_100_000)]
    [InlineData("1d2h3m4s5ms", 93_784_005)]
    [InlineData("1m", 60_000)]
    [InlineData("1ms", 1)]
    [InlineData("1m1ms", 60_001)]
    [InlineData("1h1s", 3_601_000)]
    [InlineData("0ms", 0)]
    [InlineData("-0ms", 0)]
    [InlineData("007s", 7_000)]
    [InlineData("90m", 5_400_000)]
    [InlineData("9223372036854775807ms", long.MaxValue)]
    [InlineData("-9223372036854775808ms", long.MinValue)]
    [InlineData("-9223372036854775s808ms", long.MinValue)]
    [InlineData("106751991167d", 9_223_372_036_828_800_000)]
    [InlineData("106751991167d7h", 9_223_372_036_854_000_000)]
    public void Duration_ValidLiteral_ParsesToMilliseconds(string text, long ms)
    {
        Assert.True(DurationValue.TryParse(text, out var value));
        Assert.Equal(ms, value.Milliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-")]
    [InlineData("-1")]
    [InlineData("1")]
    [InlineData("d")]
    [InlineData("\u27961ms")]
    [InlineData("11dd")]
    [InlineData("00000mm")]
    [InlineData("-d")]
    [InlineData("-h")]
    [InlineData("-1hh")]
    [InlineData("-h2d")]
    [InlineData("-ms")]
    [InlineData("1ms1s")]
    [InlineData("1ms1m")]
    [InlineData("1ms1h")]
    [InlineData("0ms1d")]
    [InlineData("1s1m")]
    [InlineData("1s1h")]
    [InlineData("0s0d")]
    [InlineData("0m0h")]
    [InlineData("0m0d")]
    [InlineData("1h1d")]
    [InlineData("1ms1m1d")]
    [InlineData("1d1d")]
    [InlineData("1ms1ms")]
    [InlineData(" 1d")]
    [InlineData("1d ")]
    [InlineData("1D")]
    [InlineData("+1d")]
    [InlineData("--1d")]
    [InlineData("1d-1h")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("1y")]
    [InlineData("1s ")]
    [InlineData("\u0661s")]
    public void Duration_MalformedLiteral_IsRejected(string text)
    {
        Assert.False(DurationValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DurationValue.Parse(text));
        Assert.Equal("error while evaluating `duration` extension function: invalid duration pattern", error.Message);
    }

    [Theory]
    [InlineData("9223372036854775808ms")]
    [InlineData("-9223372036854775809ms")]
    [InlineData("18446744073709551616ms")]
    [InlineData("99999999999999999999999d")]
    [InlineData("106751991168d")]
    [InlineData("9223372036854775s808ms")]
    [InlineData("106751991167d8h")]
    [InlineData("-106751991167d8h")]
    public void Duration_OutOfRange_IsRejectedAsOverflow(string text)
    {
        Assert.False(DurationValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DurationValue.Parse(text));
        Assert.EndsWith("Duration overflows internal representation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_PatternErrorWinsOverOverflow()
    {
        var error = Assert.Throws<EvaluationException>(() => DurationValue.Parse("99999999999999999999999d1x"));
        Assert.EndsWith("invalid duration pattern", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h", "60m")]
    [InlineData("1h", "3600s")]
    [InlineData("1h", "3600000ms")]
    [InlineData("1d", "24h")]
    [InlineData("0ms", "-0ms")]
    [InlineData("0d", "0s")]
    [InlineData("1m30s", "90s")]
    public void Duration_DifferentlyWrittenEqualLengths_AreEqual(string a, string b)
    {
        Assert.Equal(Dur(a), Dur(b));
        Assert.Equal(Dur(a).GetHashCode(), Dur(b).GetHashCode());
    }

    [Fact]
    public void Duration_IsNotEqualToDatetimeWithSameMilliseconds() =>
        Assert.False(new DurationValue(0).Equals(new DatetimeValue(0)));

    [Theory]
    [InlineData("1d2h3m4s50ms", 93_784_050, 93_784, 1_563, 26, 1)]
    [InlineData("-1d2h3m4s50ms", -93_784_050, -93_784, -1_563, -26, -1)]
    [InlineData("-1ms", -1, 0, 0, 0, 0)]
    [InlineData("-59s999ms", -59_999, -59, 0, 0, 0)]
    [InlineData("23h59m59s999ms", 86_399_999, 86_399, 1_439, 23, 0)]
    [InlineData("-9223372036854775808ms", long.MinValue, -9_223_372_036_854_775, -153_722_867_280_912, -2_562_047_788_015, -106_751_991_167)]
    public void Duration_Conversions_TruncateTowardZero(string text, long ms, long s, long m, long h, long d)
    {
        var value = Dur(text);
        Assert.Equal(ms, CallLong("toMilliseconds", value));
        Assert.Equal(s, CallLong("toSeconds", value));
        Assert.Equal(m, CallLong("toMinutes", value));
        Assert.Equal(h, CallLong("toHours", value));
        Assert.Equal(d, CallLong("toDays", value));
    }

    [Theory]
    [InlineData("toMilliseconds")]
    [InlineData("toSeconds")]
    [InlineData("toMinutes")]
    [InlineData("toHours")]
    [InlineData("toDays")]
    public void DurationMethod_OnString_IsTypeError(string method)
    {
        var error = Assert.Throws<EvaluationException>(() => Call(method, Str("1h")));
        Assert.Equal("type error: expected duration, got string", error.Message);
    }

    [Fact]
    public void DurationMethod_ExtraArgument_IsArityError() =>
        Assert.Throws<EvaluationException>(() => Call("toSeconds", Dur("1s"), Values.LongValue.Of(1)));

    [Fact]
    public void Duration_ToString_KeepsSourceAndCanonicalIsMilliseconds()
    {
        Assert.Equal("duration(\"1h\")", Dur("1h").ToString());
        Assert.Equal("duration(\"3600000ms\")", Dur("1h").ToCanonicalString());
        Assert.Equal("duration(\"-5ms\")", new DurationValue(-5).ToString());
        Assert.Equal("duration", new DurationValue(0).TypeName);
    }

    [Fact]
    public void Duration_Ordering_ComparesMilliseconds()
    {
        Assert.True(Dur("-1d") < Dur("1ms"));
        Assert.True(Dur("1h") <= Dur("60m"));
        Assert.True(Dur("1h1ms") > Dur("60m"));
        Assert.Equal(0, Dur("1d").CompareTo(Dur("24h")));
    }

    [Fact]
    public void DurationConstructor_ViaRegistry_ReturnsValue() =>
        Assert.Equal(new DurationValue(5_000), Call("duration", Str("5s")));
}
