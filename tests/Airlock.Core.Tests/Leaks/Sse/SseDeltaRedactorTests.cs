using System.Text;
using System.Text.Json;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>
/// A model echoing held secrets a few characters per event, in each provider's format, through what ships: the delta
/// redactor, then the byte-level redactor.
/// </summary>
public sealed class SseDeltaRedactorTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public SseDeltaRedactorTests() => _random = new Random(_some.Seed);

    public static TheoryData<Provider, int, string> FormatsDeltaSizesAndNewlines()
    {
        var data = new TheoryData<Provider, int, string>();
        int[] sizes = [1, 2, 3, 7];
        string[] newlines = ["\n", "\r\n", "\r", "\n"];
        foreach (var provider in Enum.GetValues<Provider>())
        {
            for (var k = 0; k < sizes.Length; k++)
            {
                data.Add(provider, sizes[k], newlines[k]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsDeltaSizesAndNewlines))]
    public void Process_SecretsSplitAcrossDeltas_AreRedactedInTheConcatenatedText(Provider provider, int deltaRunes, string newline)
    {
        var apiKey = _some.AwkwardSecret();
        var token = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey), ("oauth_token", token));
        var text = $"Sure 👍 — the key is {apiKey}, 中文字符 and the token {token}. Done ✅";
        var input = Utf8(new FakeModel(newline).Stream(provider, FakeModel.Deltas(text, deltaRunes)));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var events = SseTestReader.Parse(result.Output);
        var expected = text.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal).Replace(token, "[REDACTED:oauth_token]", StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(SseTestReader.Texts(events)).Value);
        Assert.All(SseTestReader.ResponsesFullTexts(events), full => Assert.Equal(expected, full));
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
        SseRuns.AssertNoFormOf(token, result.Output, _random);
        Assert.Contains(result.DeltaRedactions, r => r.Name == "api_key");
        Assert.Contains(result.DeltaRedactions, r => r.Name == "oauth_token");
        Assert.False(result.PassingThrough);
    }

    [Fact]
    public void ByteRedactorAlone_MissesASecretSplitAcrossDeltas()
    {
        // Why the delta redactor exists: the byte stream never holds the secret contiguous.
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var input = Utf8(new FakeModel().ChatCompletions(FakeModel.Deltas($"the key is {apiKey}", 3)));

        var (byteOnly, _) = LeakTestKit.Redact(set, input);

        Assert.Contains(apiKey, Assert.Single(SseTestReader.Texts(SseTestReader.Parse(byteOnly))).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.ChatCompletions)]
    [InlineData(Provider.Responses)]
    [InlineData(Provider.Anthropic)]
    public void Process_SecretInToolCallArguments_IsRedactedInTheDeltasAndTheFullArguments(Provider provider)
    {
        // The model writes the secret JSON-escaped in its arguments (`\u002B`, `\u00E9` …); the event escapes it again.
        var apiKey = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var arguments = JsonSerializer.Serialize(new { query = "weather in 東京", api_key = apiKey });
        var input = Utf8(new FakeModel().Stream(provider, FakeModel.Deltas(arguments, 3), toolCall: true));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var events = SseTestReader.Parse(result.Output);
        var expected = arguments.Replace(JsonSerializer.Serialize(apiKey)[1..^1], "[REDACTED:api_key]", StringComparison.Ordinal);
        Assert.NotEqual(arguments, expected);
        Assert.Equal(expected, Assert.Single(SseTestReader.Texts(events)).Value);
        Assert.All(SseTestReader.ResponsesFullTexts(events), full => Assert.Equal(expected, full));
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
    }

    [Fact]
    public void Process_AnthropicThinkingTextAndToolBlocks_EachIsRedacted()
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var thinking = $"The user wants {apiKey} repeated.";
        var answer = $"Here: {apiKey}";
        var tool = $"{{\"key\":\"{apiKey}\"}}";
        var input = Utf8(new FakeModel().AnthropicBlocks(
            ("thinking_delta", FakeModel.Deltas(thinking, 2)),
            ("text_delta", FakeModel.Deltas(answer, 3)),
            ("input_json_delta", FakeModel.Deltas(tool, 7))));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var texts = SseTestReader.Texts(SseTestReader.Parse(result.Output));
        Assert.Equal(thinking.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal), texts["block0.thinking"]);
        Assert.Equal(answer.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal), texts["block1.text"]);
        Assert.Equal(tool.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal), texts["block2.partial_json"]);
        Assert.Equal([new RedactionCount("api_key", 3)], result.DeltaRedactions);
    }

    [Fact]
    public void Process_SecretInEveryEncodingStreamedAsDeltas_IsRedactedAndTheFullTextAgrees()
    {
        var apiKey = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("api_key", apiKey));
        foreach (var form in EncodedForm.All(apiKey, _random))
        {
            var text = "before " + form.Text + " after";
            var input = Utf8(new FakeModel().Responses(FakeModel.Deltas(text, 3)));

            var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, singleCuts: 4, multiCuts: 2);

            var events = SseTestReader.Parse(result.Output);
            var streamed = Assert.Single(SseTestReader.Texts(events)).Value;
            LeakTestKit.AssertRedactedOnce(text, streamed, "before ".Length + form.Start, form.Length, "api_key", form.Slack);
            Assert.All(SseTestReader.ResponsesFullTexts(events), full => Assert.Equal(streamed, full));
            SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
        }
    }

    [Fact]
    public void Process_SecretWholeInOneEventInEveryEncoding_IsRedactedByTheByteRedactorAfter()
    {
        var apiKey = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var model = new FakeModel();
        foreach (var form in EncodedForm.All(apiKey, _random))
        {
            // Events the delta redactor does not read: a vendor event, a comment, data that is not JSON.
            var vendor = $"event: vendor.debug\ndata: {{\"type\":\"vendor.debug\",\"note\":\"{form.Text}\"}}\n\n: {form.Text}\ndata: {form.Text}\n\n";
            var input = Utf8(model.ChatCompletions(FakeModel.Deltas("first part, ", 2), terminate: false) + vendor + model.ChatCompletions(FakeModel.Deltas("second part", 2)));

            var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, singleCuts: 4, multiCuts: 2);

            Assert.True(result.AfterDeltaRedactor.AsSpan().IndexOf(Utf8(vendor)) >= 0, $"{form.Form}: the delta redactor changed an event it does not read");
            SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
            Assert.Equal(3, Assert.Single(result.ByteRedactions).Count);
        }
    }

    [Fact]
    public void Redactions_CountPerSecretNameInNameOrder_AndToStringNamesNoSecret()
    {
        var alpha = _some.Canary();
        var beta = _some.Canary();
        var set = LeakTestKit.Set(("beta", beta), ("alpha", alpha));
        var input = Utf8(new FakeModel().ChatCompletions(FakeModel.Deltas($"{beta} {alpha} {Convert.ToHexString(Utf8(alpha))} {alpha}", 5)));
        using var redactor = new Airlock.Core.Leaks.Sse.SseDeltaRedactor(set);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        redactor.Process(input, output);
        var description = redactor.ToString();
        redactor.Flush(output);

        Assert.Equal([new RedactionCount("alpha", 3), new RedactionCount("beta", 1)], redactor.Redactions);
        Assert.DoesNotContain(alpha, description, StringComparison.Ordinal);
        Assert.DoesNotContain(beta, description, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => redactor.Process("data: x\n\n"u8, output));
        Assert.Throws<ObjectDisposedException>(() => redactor.Flush(output));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
