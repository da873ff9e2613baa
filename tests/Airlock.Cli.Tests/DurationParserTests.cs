using Airlock.Cli.Input;

namespace Airlock.Cli.Tests;

public class DurationParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("2h30m", 9000)]
    [InlineData("7d", 604_800)]
    [InlineData("1d2h3m4s", 93_784)]
    [InlineData("0h5m", 300)]
    public void Parse_AcceptedForms_GiveSeconds(string text, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text, "--ttl"));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("15", "`15` has no unit")]
    [InlineData("1w", "`w` (position 2) is not a unit")]
    [InlineData("1ms", "`ms` is not a unit; the smallest is s (seconds)")]
    [InlineData("1h30", "`30` has no unit")]
    [InlineData("1.5h", "`.` (position 2) is not a unit")]
    [InlineData("h", "expected a digit at `h` (position 1)")]
    [InlineData("-5m", "it must not have a sign")]
    [InlineData("+5m", "it must not have a sign")]
    [InlineData("15 m", "` ` (position 3) is not a unit")]
    [InlineData("1H", "`H` (position 2) is not a unit")]
    [InlineData("1h1h", "the unit `h` appears twice")]
    [InlineData("30m1h", "the unit `h` comes after a smaller unit")]
    [InlineData("0s", "it must be longer than zero")]
    [InlineData("99999999999999999999d", "it is too long")]
    [InlineData("999999999999d", "it is too long")]
    public void Parse_OtherText_IsRefusedWithTheReason(string text, string reason)
    {
        var error = Assert.Throws<UsageException>(() => DurationParser.Parse(text, "--ttl"));

        Assert.Equal($"--ttl: `{text}` is not a duration: {reason}", error.Message);
        Assert.Contains("90s, 15m, 1h, 2h30m, 7d", error.Help);
    }

    [Theory]
    [InlineData(1, "1s")]
    [InlineData(60, "1m")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(86400, "1d")]
    [InlineData(129661, "1d12h1m1s")]
    public void Format_WritesWhatParseReads(long seconds, string text)
    {
        Assert.Equal(text, DurationParser.Format(seconds));
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text, "--window"));
    }
}
