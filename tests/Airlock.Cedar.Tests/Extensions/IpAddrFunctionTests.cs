using Airlock.Cedar.Evaluation;
using static Airlock.Cedar.Tests.Extensions.ExtensionTestHelpers;

namespace Airlock.Cedar.Tests.Extensions;

public class IpAddrFunctionTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", false)]
    [InlineData("::ffff:ff00:1", false)]
    [InlineData("127.0.0.1/24", true)]
    [InlineData("ffee::/64", false)]
    public void IsIpv4AndIsIpv6_ReportTheFamily(string text, bool v4)
    {
        Assert.Equal(v4, CallBool("isIpv4", Ip(text)));
        Assert.Equal(!v4, CallBool("isIpv6", Ip(text)));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("127.0.0.1/8", true)]
    [InlineData("127.0.0.1/7", false)]
    [InlineData("127.255.200.200/0", false)]
    [InlineData("128.0.0.1", false)]
    [InlineData("::1", true)]
    [InlineData("::1/127", false)]
    [InlineData("::2", false)]
    [InlineData("::ffff:7f00:1", false)]
    [InlineData("::ffff:ff00:1", false)]
    public void IsLoopback_RequiresTheWholeRangeInsideLoopback(string text, bool expected) =>
        Assert.Equal(expected, CallBool("isLoopback", Ip(text)));

    [Theory]
    [InlineData("228.228.228.0", true)]
    [InlineData("224.0.0.0", true)]
    [InlineData("239.255.255.255", true)]
    [InlineData("240.0.0.0", false)]
    [InlineData("223.255.255.255", false)]
    [InlineData("224.0.0.0/4", true)]
    [InlineData("224.0.0.0/5", true)]
    [InlineData("224.0.0.0/3", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("ff00::2", true)]
    [InlineData("ff00::/8", true)]
    [InlineData("ff00::/9", true)]
    [InlineData("ff00::/7", false)]
    [InlineData("fe00::1", false)]
    [InlineData("::ffff:e000:1", false)]
    public void IsMulticast_RequiresTheWholeRangeInsideMulticast(string text, bool expected) =>
        Assert.Equal(expected, CallBool("isMulticast", Ip(text)));

    [Theory]
    [InlineData("192.168.0.1/24", "192.168.0.1/24", true)]
    [InlineData("192.168.0.1", "192.168.0.1/28", true)]
    [InlineData("192.168.0.10", "192.168.0.1/24", true)]
    [InlineData("192.168.0.10", "192.168.0.1/28", true)]
    [InlineData("192.168.0.75", "192.168.0.1/24", true)]
    [InlineData("192.168.0.75", "192.168.0.1/28", false)]
    [InlineData("192.168.0.1", "192.168.0.1", true)]
    [InlineData("1:2:3:4::", "1:2:3:4::/48", true)]
    [InlineData("1:2:3:4::", "1:2:3:4::/52", true)]
    [InlineData("1:2:3:6::", "1:2:3:4::/48", true)]
    [InlineData("1:2:3:6::", "1:2:3:4::/52", true)]
    [InlineData("1:2:3:ffff::", "1:2:3:4::/48", true)]
    [InlineData("1:2:3:ffff::", "1:2:3:4::/52", false)]
    [InlineData("1:2:3:4::", "1:2:3:4::", true)]
    [InlineData("192.168.0.1", "1:2:3:4::/48", false)]
    [InlineData("10.0.0.0", "10.0.0.0/24", true)]
    [InlineData("10.0.0.0", "10.0.0.0/32", true)]
    [InlineData("10.0.0.0", "10.0.0.1/24", true)]
    [InlineData("10.0.0.0", "10.0.0.1/32", false)]
    [InlineData("10.0.0.1", "10.0.0.0/24", true)]
    [InlineData("10.0.0.1", "10.0.0.1/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.0/32", false)]
    [InlineData("10.0.0.0/32", "10.0.0.0/24", true)]
    [InlineData("10.0.0.1/24", "10.0.0.0/24", true)]
    [InlineData("10.0.0.1/24", "10.0.0.1/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.1/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.0/29", false)]
    [InlineData("10.0.0.0/29", "10.0.0.0/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.1/29", false)]
    [InlineData("10.0.0.0/29", "10.0.0.1/24", true)]
    [InlineData("10.0.0.1/24", "10.0.0.0/29", false)]
    [InlineData("10.0.0.1/29", "10.0.0.0/24", true)]
    [InlineData("10.0.0.0/32", "10.0.0.0/32", true)]
    [InlineData("10.0.0.0/32", "10.0.0.0", true)]
    [InlineData("1.2.3.4", "0.0.0.0/0", true)]
    [InlineData("0.0.0.0/0", "1.2.3.4/0", true)]
    [InlineData("0.0.0.0/0", "1.2.3.4/1", false)]
    [InlineData("255.255.255.255", "128.0.0.0/1", true)]
    [InlineData("1.2.3.4", "::/0", false)]
    [InlineData("::", "0.0.0.0/0", false)]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::/0", true)]
    [InlineData("::/0", "::1/0", true)]
    [InlineData("::/0", "::/1", false)]
    [InlineData("::ffff:a00:1", "10.0.0.0/8", false)]
    [InlineData("fe80::1", "fe80::/10", true)]
    [InlineData("fec0::1", "fe80::/10", false)]
    public void IsInRange_ChecksTheWholeRange(string address, string range, bool expected) =>
        Assert.Equal(expected, CallBool("isInRange", Ip(address), Ip(range)));

    [Fact]
    public void IsInRange_TakesExactlyTwoArguments()
    {
        var error = Assert.Throws<EvaluationException>(
            () => Call("isInRange", Ip("192.168.1.100"), Ip("10.0.0.0/8"), Ip("192.168.0.0/16")));
        Assert.Equal("wrong number of arguments provided to extension function `isInRange`: expected 2, got 3", error.Message);
        Assert.Throws<EvaluationException>(() => Call("isInRange", Ip("192.168.1.100")));
    }

    [Fact]
    public void IsInRange_StringRange_IsTypeError()
    {
        var error = Assert.Throws<EvaluationException>(() => Call("isInRange", Ip("10.0.0.1"), Str("10.0.0.0/8")));
        Assert.Equal("type error: expected ipaddr, got string", error.Message);
    }

    [Fact]
    public void IpMethods_OnNonIp_AreTypeErrors()
    {
        Assert.Equal(
            "type error: expected ipaddr, got decimal",
            Assert.Throws<EvaluationException>(() => Call("isIpv4", Dec("1.0"))).Message);
        Assert.Equal(
            "type error: expected ipaddr, got bool",
            Assert.Throws<EvaluationException>(() => Call("isLoopback", Values.BoolValue.True)).Message);
        Assert.Equal(
            "type error: expected ipaddr, got (entity of type `User`)",
            Assert.Throws<EvaluationException>(
                () => Call("isMulticast", new Values.EntityValue(new Values.EntityUid("User", "a")))).Message);
    }

    [Fact]
    public void IpConstructor_ViaRegistry_ParsesAndRejects()
    {
        Assert.Equal(Ip("10.0.0.1"), Call("ip", Str("10.0.0.1/32")));
        Assert.Throws<EvaluationException>(() => Call("ip", Str("10.0.0.1/33")));
        Assert.Equal(
            "type error: expected string, got set",
            Assert.Throws<EvaluationException>(() => Call("ip", Values.SetValue.Empty)).Message);
    }
}
