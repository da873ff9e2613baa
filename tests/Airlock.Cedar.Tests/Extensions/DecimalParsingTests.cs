using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Tests.Extensions;

public class DecimalParsingTests
{
    [Theory]
    [InlineData("1.0", 10_000)]
    [InlineData("-1.0", -10_000)]
    [InlineData("123.456", 1_234_560)]
    [InlineData("0.1234", 1_234)]
    [InlineData("-0.0123", -123)]
    [InlineData("55.1", 551_000)]
    [InlineData("00.000", 0)]
    [InlineData("-0.0", 0)]
    [InlineData("-0.5", -5_000)]
    [InlineData("-0.0001", -1)]
    [InlineData("0000000000000000000000001.5", 15_000)]
    [InlineData("922337203685477.5807", long.MaxValue)]
    [InlineData("-922337203685477.5808", long.MinValue)]
    [InlineData("922337203685477.0", 9_223_372_036_854_770_000)]
    public void Decimal_ValidLiteral_ParsesToScaledValue(string text, long scaled)
    {
        Assert.True(DecimalValue.TryParse(text, out var value));
        Assert.Equal(scaled, value.ScaledValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("1.0.")]
    [InlineData("1.")]
    [InlineData(".1")]
    [InlineData("1.a")]
    [InlineData("-.")]
    [InlineData("-")]
    [InlineData("-1")]
    [InlineData("+1.0")]
    [InlineData("--1.0")]
    [InlineData(" 1.0")]
    [InlineData("1.0 ")]
    [InlineData("1,0")]
    [InlineData("1e3.0")]
    [InlineData("1.0\n")]
    [InlineData("0x1.0")]
    public void Decimal_MalformedLiteral_IsRejected(string text)
    {
        Assert.False(DecimalValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DecimalValue.Parse(text));
        Assert.Equal("error while evaluating `decimal` extension function: `" + text + "` is not a well-formed decimal value", error.Message);
    }

    [Theory]
    [InlineData("0.12345")]
    [InlineData("0.00000")]
    [InlineData("1.000000000")]
    public void Decimal_MoreThanFourFractionDigits_IsRejected(string text)
    {
        Assert.False(DecimalValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DecimalValue.Parse(text));
        Assert.Contains("too many digits after the decimal in `" + text + "`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000000000000000.0")]
    [InlineData("922337203685477.5808")]
    [InlineData("922337203685478.0")]
    [InlineData("-922337203685477.5809")]
    [InlineData("-922337203685478.0")]
    [InlineData("99999999999999999999999999.0")]
    [InlineData("-9223372036854775808.0")]
    // The integer part is checked before the fraction length, as in the reference.
    [InlineData("1000000000000000.12345")]
    public void Decimal_OutOfRange_IsRejectedAsOverflow(string text)
    {
        Assert.False(DecimalValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DecimalValue.Parse(text));
        Assert.EndsWith("overflow when converting to decimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0661.\u0660")]
    [InlineData("1.\u0660")]
    public void Decimal_NonAsciiDigits_AreRejected(string text)
    {
        // The reference's pattern accepts any Unicode digit but its integer conversion does not.
        Assert.False(DecimalValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => DecimalValue.Parse(text));
        Assert.EndsWith("overflow when converting to decimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123.0", "123.0000")]
    [InlineData("123.0", "0123.0")]
    [InlineData("0.0", "-0.0")]
    [InlineData("1.5", "1.5000")]
    [InlineData("-0.1", "-0.1000")]
    public void Decimal_DifferentlyWrittenEqualNumbers_AreEqual(string a, string b)
    {
        var x = DecimalValue.Parse(a);
        var y = DecimalValue.Parse(b);
        Assert.True(x.Equals(y));
        Assert.True(x == y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    [Theory]
    [InlineData("123.0", "123.456")]
    [InlineData("1.23", "-1.23")]
    [InlineData("-0.23", "0.23")]
    public void Decimal_DifferentNumbers_AreNotEqual(string a, string b) =>
        Assert.NotEqual(DecimalValue.Parse(a), DecimalValue.Parse(b));

    [Fact]
    public void Decimal_IsNeverEqualToStringOrLong()
    {
        var d = DecimalValue.Parse("1.0");
        Assert.False(d.Equals(new Values.StringValue("1.0")));
        Assert.False(d.Equals(Values.LongValue.Of(1)));
        Assert.False(d.Equals(new DurationValue(10_000)));
    }

    [Theory]
    [InlineData("1.23", "decimal(\"1.23\")", "decimal(\"1.2300\")")]
    [InlineData("0123.0", "decimal(\"0123.0\")", "decimal(\"123.0000\")")]
    [InlineData("-0.5", "decimal(\"-0.5\")", "decimal(\"-0.5000\")")]
    [InlineData("-0.0", "decimal(\"-0.0\")", "decimal(\"0.0000\")")]
    [InlineData("-922337203685477.5808", "decimal(\"-922337203685477.5808\")", "decimal(\"-922337203685477.5808\")")]
    public void Decimal_ToString_KeepsSourceAndCanonicalFormHasFourDigits(string text, string display, string canonical)
    {
        var d = DecimalValue.Parse(text);
        Assert.Equal(display, d.ToString());
        Assert.Equal(canonical, d.ToCanonicalString());
    }

    [Fact]
    public void Decimal_BuiltFromScaledValue_DisplaysCanonically()
    {
        Assert.Equal("decimal(\"-0.0001\")", new DecimalValue(-1).ToString());
        Assert.Equal("922337203685477.5807", new DecimalValue(long.MaxValue).ToNumberString());
        Assert.Equal("decimal", new DecimalValue(0).TypeName);
    }

    [Fact]
    public void Decimal_CompareTo_OrdersByValue()
    {
        Assert.True(DecimalValue.Parse("-1.0000") < DecimalValue.Parse("-0.9999"));
        Assert.True(DecimalValue.Parse("1.24") > DecimalValue.Parse("1.23"));
        Assert.Equal(0, DecimalValue.Parse("1.5").CompareTo(DecimalValue.Parse("1.50")));
    }
}
