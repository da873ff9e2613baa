using Airlock.Cedar.Evaluation;
using static Airlock.Cedar.Tests.Extensions.ExtensionTestHelpers;

namespace Airlock.Cedar.Tests.Extensions;

public class DecimalFunctionTests
{
    [Theory]
    [InlineData("lessThan", "1.23", "1.24", true)]
    [InlineData("lessThan", "1.23", "1.23", false)]
    [InlineData("lessThan", "123.45", "1.23", false)]
    [InlineData("lessThan", "-1.23", "1.23", true)]
    [InlineData("lessThan", "-1.23", "-1.24", false)]
    [InlineData("lessThan", "-0.0001", "0.0", true)]
    [InlineData("lessThan", "-0.0023", "-0.23", false)]
    [InlineData("lessThan", "-1.0000", "-0.9999", true)]
    [InlineData("lessThanOrEqual", "1.23", "1.24", true)]
    [InlineData("lessThanOrEqual", "1.23", "1.23", true)]
    [InlineData("lessThanOrEqual", "123.45", "1.23", false)]
    [InlineData("lessThanOrEqual", "-1.23", "-1.24", false)]
    [InlineData("greaterThan", "1.23", "1.24", false)]
    [InlineData("greaterThan", "1.23", "1.23", false)]
    [InlineData("greaterThan", "123.45", "1.23", true)]
    [InlineData("greaterThan", "-1.23", "-1.24", true)]
    [InlineData("greaterThanOrEqual", "1.23", "1.24", false)]
    [InlineData("greaterThanOrEqual", "1.23", "1.23", true)]
    [InlineData("greaterThanOrEqual", "123.45", "1.23", true)]
    [InlineData("greaterThanOrEqual", "-1.23", "1.23", false)]
    [InlineData("greaterThanOrEqual", "0.0", "-0.0", true)]
    public void DecimalComparison_ReturnsExpected(string method, string left, string right, bool expected) =>
        Assert.Equal(expected, CallBool(method, Dec(left), Dec(right)));

    [Fact]
    public void DecimalConstructor_ReturnsDecimalValue()
    {
        var value = Assert.IsType<Cedar.Extensions.DecimalValue>(Call("decimal", Str("1.5")));
        Assert.Equal(15_000, value.ScaledValue);
        Assert.Equal("decimal(\"1.5\")", value.ToString());
    }

    [Fact]
    public void DecimalConstructor_BadText_ThrowsEvaluationException() =>
        Assert.Throws<EvaluationException>(() => Call("decimal", Str("1.")));

    [Fact]
    public void DecimalConstructor_NonString_IsTypeError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("decimal", Values.LongValue.Of(1)));
        Assert.Equal("type error: expected string, got long", error.Message);
    }

    [Fact]
    public void DecimalComparison_StringArgument_IsTypeError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("lessThan", Dec("-1.23"), Str("1.23")));
        Assert.Equal("type error: expected decimal, got string", error.Message);
    }

    [Fact]
    public void DecimalComparison_ReceiverCheckedFirst()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("greaterThan", Dur("1h"), Values.BoolValue.True));
        Assert.Equal("type error: expected decimal, got duration", error.Message);
    }

    [Fact]
    public void DecimalComparison_WrongArity_Throws()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("lessThan", Dec("1.0")));
        Assert.Equal("wrong number of arguments provided to extension function `lessThan`: expected 2, got 1", error.Message);
    }
}
