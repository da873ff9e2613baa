using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

public sealed class SecretPatternSetTests
{
    private readonly TestData _some = new();

    [Fact]
    public void Build_ValueShorterThanTheMinimum_IsRejectedWithAReasonAndNotRedacted()
    {
        var tiny = _some.Word(SecretPatternSet.MinimumSecretLength - 1);
        var good = _some.Canary();

        var set = LeakTestKit.Set(("tiny", tiny), ("good", good));

        var rejected = Assert.Single(set.Rejected);
        Assert.Equal("tiny", rejected.Name);
        Assert.Contains("shorter than 8 bytes", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(tiny, rejected.ToString(), StringComparison.Ordinal);
        Assert.Equal(["good"], set.SecretNames);
        Assert.Equal($"{tiny} [REDACTED:good]", LeakTestKit.Redact(set, $"{tiny} {good}"));
    }

    [Fact]
    public void Build_GeneratesDistinctPatternsForEachEncoding()
    {
        var set = LeakTestKit.Set(("k", _some.AwkwardSecret()));

        // raw, 2 hex, several percent and JSON forms, 6 base64 forms and their escaped variants.
        Assert.InRange(set.PatternCount, 15, 60);
        Assert.True(set.MaxHoldBack >= set.MaxPatternLength - 1);
    }

    [Fact]
    public void ToString_NeverShowsAValue()
    {
        var value = _some.Canary();
        var secret = new LeakSecret("k", Encoding.UTF8.GetBytes(value));
        var set = SecretPatternSet.Build([secret]);
        using var redactor = set.CreateRedactor();
        var check = set.CreateExfiltrationCheck();
        check.ScanHeader("x-key", value);

        foreach (var text in new[] { secret.ToString(), set.ToString(), redactor.ToString(), check.ToString() })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LeakSecret_NameThatWouldBreakTheMarker_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new LeakSecret("a]b", "12345678"u8.ToArray()));
        Assert.Throws<ArgumentException>(() => new LeakSecret("a b", "12345678"u8.ToArray()));
        Assert.Throws<ArgumentException>(() => new LeakSecret("", "12345678"u8.ToArray()));
    }

    [Fact]
    public void RedactHeaderValue_ReplacesSecretsAndNamesThem()
    {
        var token = _some.Canary();
        var password = _some.AwkwardSecret();
        var set = LeakTestKit.SetWithDetectors(("token", token), ("password", password));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + password));

        Assert.Equal("Bearer [REDACTED:token]", set.RedactHeaderValue($"Bearer {token}", out var names));
        Assert.Equal(["token"], names);

        var redacted = set.RedactHeaderValue($"Basic {basic}", out names);
        Assert.Equal(["password"], names);
        Assert.Contains("[REDACTED:password]", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(basic[8..^4], redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactHeaderValue_NothingToRedact_ReturnsTheSameString()
    {
        var set = LeakTestKit.SetWithDetectors(("token", _some.Canary()));
        var value = "max-age=3600, " + _some.Word();

        Assert.Same(value, set.RedactHeaderValue(value, out var names));
        Assert.Empty(names);
    }

    [Fact]
    public void Empty_CopiesAndFindsNothing()
    {
        var input = _some.Word(100);

        Assert.Equal(input, LeakTestKit.Redact(SecretPatternSet.Empty, input));
        var check = SecretPatternSet.Empty.CreateExfiltrationCheck();
        check.ScanUrl("/" + input);
        Assert.False(check.Found);
    }
}
