using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Tests.Extensions;

public class IpAddrParsingTests
{
    [Theory]
    [InlineData("127.0.0.1", false, "127.0.0.1/32")]
    [InlineData("0.0.0.0", false, "0.0.0.0/32")]
    [InlineData("255.255.255.255", false, "255.255.255.255/32")]
    [InlineData("10.0.0.0/8", false, "10.0.0.0/8")]
    [InlineData("127.0.0.1/0", false, "127.0.0.1/0")]
    [InlineData("127.0.0.1/32", false, "127.0.0.1/32")]
    [InlineData("::", true, "::/128")]
    [InlineData("::1", true, "::1/128")]
    [InlineData("::/0", true, "::/0")]
    [InlineData("ffee::11", true, "ffee::11/128")]
    [InlineData("FFEE::11", true, "ffee::11/128")]
    [InlineData("ffee::/64", true, "ffee::/64")]
    [InlineData("ffee::/128", true, "ffee::/128")]
    [InlineData("::ffff:ff00:1", true, "::ffff:255.0.0.1/128")]
    [InlineData("1:2:3:4:5:6:7:8", true, "1:2:3:4:5:6:7:8/128")]
    [InlineData("1:2:3:4:5:6:7::", true, "1:2:3:4:5:6:7:0/128")]
    [InlineData("::2:3:4:5:6:7:8", true, "0:2:3:4:5:6:7:8/128")]
    [InlineData("1::", true, "1::/128")]
    [InlineData("1::8", true, "1::8/128")]
    [InlineData("0001:0002::", true, "1:2::/128")]
    [InlineData("1:0:0:1:0:0:0:1", true, "1:0:0:1::1/128")]
    [InlineData("1:0:0:2:3:0:0:4", true, "1::2:3:0:0:4/128")]
    [InlineData("1:0:2:3:4:5:6:7", true, "1:0:2:3:4:5:6:7/128")]
    [InlineData("2001:db8::/32", true, "2001:db8::/32")]
    [InlineData("1111:2222:3333:4444:5555:6666:7777:8888/128", true, "1111:2222:3333:4444:5555:6666:7777:8888/128")]
    public void Ip_ValidLiteral_Parses(string text, bool isIpv6, string canonical)
    {
        Assert.True(IpAddrValue.TryParse(text, out var value));
        Assert.Equal(isIpv6, value.IsIpv6);
        Assert.Equal(!isIpv6, value.IsIpv4);
        Assert.Equal("ip(\"" + canonical + "\")", value.ToCanonicalString());
        Assert.Equal("ip(\"" + text + "\")", value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("380.0.0.1")]
    [InlineData("256.0.0.0")]
    [InlineData("ab.ab.ab.ab")]
    [InlineData("foo::1")]
    [InlineData("010.0.0.1")]
    [InlineData("1.2.3.04")]
    [InlineData("1.2.3.00")]
    [InlineData("1.2.3.0004")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData("0x1.2.3.4")]
    [InlineData("1.2.3.4:80")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("::1:2:3:4:5:6:7:8")]
    [InlineData("1::2::3")]
    [InlineData(":::")]
    [InlineData(":1::")]
    [InlineData("1:")]
    [InlineData(":")]
    [InlineData("12345::")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("[::1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%1")]
    [InlineData("::g")]
    [InlineData("\u0966.0.0.1")]
    public void Ip_MalformedAddress_IsRejected(string text)
    {
        Assert.False(IpAddrValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => IpAddrValue.Parse(text));
        Assert.Equal("error while evaluating `ipaddr` extension function: invalid IP address: " + text, error.Message);
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:192.168.0.0/112")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("a:b:c.d.e")]
    public void Ip_Ipv4EmbeddedInIpv6_IsRejected(string text)
    {
        Assert.False(IpAddrValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => IpAddrValue.Parse(text));
        Assert.Contains("We do not accept IPv4 embedded in IPv6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000:0000:0000:0000:0000:0000:0000:0001/128 ")]
    [InlineData("01111:2222:3333:4444:5555:6666:7777:8888/128")]
    [InlineData("1.2.3.4/8\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9")]
    public void Ip_LongerThan43Utf8Bytes_IsRejected(string text)
    {
        Assert.False(IpAddrValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => IpAddrValue.Parse(text));
        Assert.EndsWith("string length is too large", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1/8/24", "error parsing prefix: string length 4 is too large")]
    [InlineData("127.0.0.1/8/", "error parsing prefix `8/`: encountered non-digit")]
    [InlineData("fee::/64::1", "error parsing prefix: string length 5 is too large")]
    [InlineData("172.0.0.1/64", "error parsing prefix: 64 is larger than the limit 32")]
    [InlineData("10.0.0.0/33", "error parsing prefix: 33 is larger than the limit 32")]
    [InlineData("10.0.0.0/99", "error parsing prefix: 99 is larger than the limit 32")]
    [InlineData("10.0.0.0/100", "error parsing prefix: string length 3 is too large")]
    [InlineData("ffee::/132", "error parsing prefix: 132 is larger than the limit 128")]
    [InlineData("ffee::/999", "error parsing prefix from the string `999`: number too large to fit in target type")]
    [InlineData("ffee::/+1", "error parsing prefix `+1`: encountered non-digit")]
    [InlineData("ffee::/01", "error parsing prefix `01`: leading zero(s)")]
    [InlineData("10.0.0.0/08", "error parsing prefix `08`: leading zero(s)")]
    [InlineData("10.0.0.0/00", "error parsing prefix `00`: leading zero(s)")]
    [InlineData("ffee::/1234", "error parsing prefix: string length 4 is too large")]
    [InlineData("10.0.0.0/", "error parsing prefix from the string ``: cannot parse integer from empty string")]
    [InlineData("10.0.0.0/ 8", "error parsing prefix ` 8`: encountered non-digit")]
    [InlineData("10.0.0.256/8", "error parsing IP address from the string `10.0.0.256`: invalid IP address syntax")]
    [InlineData("/8", "error parsing IP address from the string ``: invalid IP address syntax")]
    public void Ip_BadPrefixOrAddressBeforePrefix_IsRejected(string text, string message)
    {
        Assert.False(IpAddrValue.TryParse(text, out _));
        var error = Assert.Throws<EvaluationException>(() => IpAddrValue.Parse(text));
        Assert.Equal("error while evaluating `ipaddr` extension function: " + message, error.Message);
    }

    [Theory]
    [InlineData("10.0.0.0", "10.0.0.0/32")]
    [InlineData("::1", "0:0:0:0:0:0:0:1")]
    [InlineData("::1", "::0001")]
    [InlineData("::1", "::1/128")]
    [InlineData("FFEE::", "ffee::")]
    [InlineData("10.0.0.0/24", "10.0.0.0/24")]
    public void Ip_SameAddressAndPrefix_AreEqual(string a, string b)
    {
        Assert.Equal(IpAddrValue.Parse(a), IpAddrValue.Parse(b));
        Assert.Equal(IpAddrValue.Parse(a).GetHashCode(), IpAddrValue.Parse(b).GetHashCode());
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.0")]
    [InlineData("10.0.0.0/24", "10.0.0.1/24")]
    [InlineData("10.0.0.1/24", "10.0.0.1/29")]
    [InlineData("127.0.0.1", "::1")]
    [InlineData("255.0.0.1", "::ffff:ff00:1")]
    [InlineData("0.0.0.0", "::")]
    [InlineData("192.168.0.1/24", "8.8.8.8/8")]
    public void Ip_DifferentPrefixHostBitsOrFamily_AreNotEqual(string a, string b) =>
        Assert.NotEqual(IpAddrValue.Parse(a), IpAddrValue.Parse(b));

    [Fact]
    public void Ip_IsNeverEqualToString() =>
        Assert.False(IpAddrValue.Parse("127.0.0.1").Equals(new Values.StringValue("127.0.0.1")));

    [Fact]
    public void Ip_Ordering_PutsIpv4FirstThenAddressThenPrefix()
    {
        Assert.True(IpAddrValue.Parse("255.255.255.255") < IpAddrValue.Parse("::"));
        Assert.True(IpAddrValue.Parse("10.0.0.1") > IpAddrValue.Parse("10.0.0.0"));
        Assert.True(IpAddrValue.Parse("10.0.0.0/8") < IpAddrValue.Parse("10.0.0.0/9"));
    }
}
