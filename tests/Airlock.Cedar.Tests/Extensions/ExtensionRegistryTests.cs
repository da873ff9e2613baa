using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;
using static Airlock.Cedar.Tests.Extensions.ExtensionTestHelpers;

namespace Airlock.Cedar.Tests.Extensions;

public class ExtensionRegistryTests
{
    [Theory]
    [InlineData("decimal", ExtensionCallStyle.Function, "decimal", "String")]
    [InlineData("lessThan", ExtensionCallStyle.Method, "Bool", "decimal,decimal")]
    [InlineData("lessThanOrEqual", ExtensionCallStyle.Method, "Bool", "decimal,decimal")]
    [InlineData("greaterThan", ExtensionCallStyle.Method, "Bool", "decimal,decimal")]
    [InlineData("greaterThanOrEqual", ExtensionCallStyle.Method, "Bool", "decimal,decimal")]
    [InlineData("ip", ExtensionCallStyle.Function, "ipaddr", "String")]
    [InlineData("isIpv4", ExtensionCallStyle.Method, "Bool", "ipaddr")]
    [InlineData("isIpv6", ExtensionCallStyle.Method, "Bool", "ipaddr")]
    [InlineData("isLoopback", ExtensionCallStyle.Method, "Bool", "ipaddr")]
    [InlineData("isMulticast", ExtensionCallStyle.Method, "Bool", "ipaddr")]
    [InlineData("isInRange", ExtensionCallStyle.Method, "Bool", "ipaddr,ipaddr")]
    [InlineData("datetime", ExtensionCallStyle.Function, "datetime", "String")]
    [InlineData("duration", ExtensionCallStyle.Function, "duration", "String")]
    [InlineData("offset", ExtensionCallStyle.Method, "datetime", "datetime,duration")]
    [InlineData("durationSince", ExtensionCallStyle.Method, "duration", "datetime,datetime")]
    [InlineData("toDate", ExtensionCallStyle.Method, "datetime", "datetime")]
    [InlineData("toTime", ExtensionCallStyle.Method, "duration", "datetime")]
    [InlineData("toMilliseconds", ExtensionCallStyle.Method, "Long", "duration")]
    [InlineData("toSeconds", ExtensionCallStyle.Method, "Long", "duration")]
    [InlineData("toMinutes", ExtensionCallStyle.Method, "Long", "duration")]
    [InlineData("toHours", ExtensionCallStyle.Method, "Long", "duration")]
    [InlineData("toDays", ExtensionCallStyle.Method, "Long", "duration")]
    public void Registry_DescribesEachFunctionsSignature(string name, ExtensionCallStyle style, string returnType, string argumentTypes)
    {
        Assert.True(ExtensionRegistry.TryGet(name, out var function));
        Assert.Equal(name, function.Name);
        Assert.Equal(style, function.Style);
        Assert.Equal(style == ExtensionCallStyle.Method, function.IsMethod);
        Assert.Equal(returnType, function.ReturnType);
        Assert.Equal(argumentTypes.Split(','), function.ArgumentTypes);
        Assert.Equal(function.ArgumentTypes.Count, function.Arity);
        Assert.Equal(style == ExtensionCallStyle.Function, function.IsConstructor);
    }

    [Fact]
    public void Registry_HoldsExactlyTheCedar410Functions() => Assert.Equal(22, ExtensionRegistry.All.Count);

    [Theory]
    [InlineData("unknown")]
    [InlineData("Decimal")]
    [InlineData("IP")]
    [InlineData("lessthan")]
    [InlineData("")]
    public void Registry_UnknownName_IsNotFound(string name) => Assert.False(ExtensionRegistry.TryGet(name, out _));

    [Fact]
    public void Registry_LooksUpNamesFromSpans()
    {
        var source = "x.isInRange(y)".AsSpan(2, 9);
        Assert.True(ExtensionRegistry.TryGet(source, out var function));
        Assert.Equal("isInRange", function.Name);
        Assert.False(ExtensionRegistry.TryGet("isIn".AsSpan(), out _));
    }

    [Theory]
    [InlineData("decimal", "decimal")]
    [InlineData("ipaddr", "ip")]
    [InlineData("datetime", "datetime")]
    [InlineData("duration", "duration")]
    public void Registry_FindsConstructorByType(string type, string constructor)
    {
        Assert.True(ExtensionRegistry.TryGetConstructor(type, out var function));
        Assert.Equal(constructor, function.Name);
        Assert.True(ExtensionTypeNames.IsExtensionType(type));
    }

    [Fact]
    public void Registry_HasNoConstructorForPrimitiveTypes() => Assert.False(ExtensionRegistry.TryGetConstructor("String", out _));

    [Theory]
    [InlineData("decimal", "1.0", true)]
    [InlineData("decimal", "1.", false)]
    [InlineData("ip", "10.0.0.0/8", true)]
    [InlineData("ip", "10.0.0.0/33", false)]
    [InlineData("datetime", "2024-10-15", true)]
    [InlineData("datetime", "2024-10-15T25:00:00Z", false)]
    [InlineData("duration", "1h", true)]
    [InlineData("duration", "1h1d", false)]
    [InlineData("isInRange", "anything", true)]
    public void Function_AcceptsLiteral_ChecksConstructorArguments(string name, string literal, bool expected)
    {
        Assert.True(ExtensionRegistry.TryGet(name, out var function));
        Assert.Equal(expected, function.AcceptsLiteral(literal));
    }

    [Fact]
    public void TryCompare_OrdersDatetimesAndDurationsOnly()
    {
        Assert.True(ExtensionRegistry.TryCompare(Dt("2024-01-01"), Dt("2024-01-02"), out var c));
        Assert.True(c < 0);
        Assert.True(ExtensionRegistry.TryCompare(Dur("2h"), Dur("1h"), out c));
        Assert.True(c > 0);
        Assert.True(ExtensionRegistry.TryCompare(Dur("1h"), Dur("60m"), out c));
        Assert.Equal(0, c);
        Assert.False(ExtensionRegistry.TryCompare(Dt("1970-01-01"), Dur("0ms"), out _));
        Assert.False(ExtensionRegistry.TryCompare(Dec("1.0"), Dec("2.0"), out _));
        Assert.False(ExtensionRegistry.TryCompare(Ip("10.0.0.1"), Ip("10.0.0.2"), out _));
        Assert.False(ExtensionRegistry.TryCompare(LongValue.Of(1), LongValue.Of(2), out _));
    }

    [Theory]
    [InlineData("datetime", true)]
    [InlineData("duration", true)]
    [InlineData("decimal", false)]
    [InlineData("ipaddr", false)]
    [InlineData("Long", false)]
    public void TypeNames_ComparisonOperatorSupport_MatchesCedar4(string type, bool expected) =>
        Assert.Equal(expected, ExtensionTypeNames.SupportsComparisonOperators(type));

    [Fact]
    public void Invoke_WithZeroArguments_IsArityError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("decimal"));
        Assert.Equal("wrong number of arguments provided to extension function `decimal`: expected 1, got 0", error.Message);
    }

    [Fact]
    public void Invoke_ReturnsSharedBooleans() => Assert.Same(BoolValue.True, Call("isIpv4", Ip("1.2.3.4")));

    [Fact]
    public void Function_ToString_ShowsSignature()
    {
        Assert.True(ExtensionRegistry.TryGet("offset", out var function));
        Assert.Equal(".offset(datetime, duration) -> datetime", function.ToString());
    }
}
