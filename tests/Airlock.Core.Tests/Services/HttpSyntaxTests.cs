using Airlock.Core.Services;

namespace Airlock.Core.Tests.Services;

public sealed class HttpSyntaxTests
{
    [Theory]
    [InlineData("abcXYZ019", "abcXYZ019")]
    [InlineData("a b", "a+b")]
    [InlineData("*-._", "*-._")]
    [InlineData("+:/?#[]@!$&'()~,;=%\"", "%2B%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%7E%2C%3B%3D%25%22")]
    [InlineData("\u00e9\u20ac", "%C3%A9%E2%82%AC")]
    public void FormUrlEncode_FollowsTheFormSerializer(string input, string expected) =>
        Assert.Equal(expected, HttpSyntax.FormUrlEncode(input));
}
