using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

/// <summary>Every encoding a real encoder produces is caught, in one piece, at every chunk split and byte by byte.</summary>
public sealed class SecretEncodingTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public SecretEncodingTests() => _random = new Random(_some.Seed);

    public static TheoryData<string> SecretShapes => ["plain", "awkward"];

    [Theory]
    [MemberData(nameof(SecretShapes))]
    public void Redact_EachEncodedForm_IsReplacedByTheMarker(string shape)
    {
        var secret = Secret(shape);
        var set = SecretPatternSet.Build([new LeakSecret("api_key", Encoding.UTF8.GetBytes(secret))]);

        ForEachForm(secret, (form, text, start) =>
        {
            var output = LeakTestKit.Redact(set, text);
            LeakTestKit.AssertRedactedOnce(text, output, start, form.Length, "api_key", form.Slack);
        });
    }

    [Theory]
    [MemberData(nameof(SecretShapes))]
    public void Redact_EachFormSplitAtEveryByteOffset_GivesTheUnsplitOutput(string shape)
    {
        var secret = Secret(shape);
        var set = SecretPatternSet.Build([new LeakSecret("api_key", Encoding.UTF8.GetBytes(secret))]);

        ForEachForm(secret, (form, text, start) =>
        {
            var input = Encoding.UTF8.GetBytes(text);
            var expected = LeakTestKit.Redact(set, input).Output;
            LeakTestKit.AssertRedactedOnce(text, Encoding.UTF8.GetString(expected), start, form.Length, "api_key", form.Slack);
            for (var cut = 0; cut <= input.Length; cut++)
            {
                var (output, counts) = LeakTestKit.Redact(set, input, cut);
                Assert.True(expected.AsSpan().SequenceEqual(output), $"split at byte {cut} of {input.Length}");
                Assert.Equal(new RedactionCount("api_key", 1), Assert.Single(counts));
            }

            Assert.Equal(expected, LeakTestKit.RedactBytewise(set, input));
        });
    }

    [Fact]
    public void Redact_EachFormWithRandomChunkings_GivesTheUnsplitOutput()
    {
        var secret = _some.AwkwardSecret();
        var set = SecretPatternSet.Build([new LeakSecret("api_key", Encoding.UTF8.GetBytes(secret))]);

        ForEachForm(secret, (form, text, start) =>
        {
            var input = Encoding.UTF8.GetBytes(text + text);
            var expected = LeakTestKit.Redact(set, input).Output;
            for (var round = 0; round < 50; round++)
            {
                var cuts = LeakTestKit.RandomCuts(_random, input.Length, 6);
                Assert.True(expected.AsSpan().SequenceEqual(LeakTestKit.Redact(set, input, cuts).Output), $"cuts {string.Join(",", cuts)}");
            }
        });
    }

    private string Secret(string shape) => shape == "plain" ? "canary" + _some.Word(26) : _some.AwkwardSecret();

    /// <summary>Runs <paramref name="check"/> on each form set in text, naming the form when it fails.</summary>
    private void ForEachForm(string secret, Action<EncodedForm, string, int> check)
    {
        foreach (var form in EncodedForm.All(secret, _random))
        {
            var before = $"{{\"id\":\"{_some.Word(6)}\",\"note\":\"{_some.Word(9)} ";
            var text = before + form.Text + $" {_some.Word(7)}\"}}\n";
            try
            {
                check(form, text, before.Length + form.Start);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"form `{form.Form}` (seed {_some.Seed}): {e.Message}");
            }
        }
    }
}
