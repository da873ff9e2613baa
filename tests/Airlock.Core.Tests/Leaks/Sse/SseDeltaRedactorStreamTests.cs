using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>Where text streams end and what they hold then: [DONE], the end of the body, several choices, characters.</summary>
public sealed class SseDeltaRedactorStreamTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public SseDeltaRedactorStreamTests() => _random = new Random(_some.Seed);

    [Theory]
    [InlineData(Provider.ChatCompletions)]
    [InlineData(Provider.Responses)]
    [InlineData(Provider.Anthropic)]
    public void Process_NoSecretInTheStream_ComesOutSemanticallyIdentical(Provider provider)
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey), ("other", _some.AwkwardSecret()));

        // Prefixes of the secret make the redactor hold text back; the last one is still held when the stream ends.
        var text = $"{apiKey[..3]} can {apiKey[..7]}, 中文 {apiKey[..12]}? {apiKey[..9]}";
        var input = Utf8(new FakeModel().Stream(provider, FakeModel.Deltas(text, 2)));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var before = SseTestReader.Parse(input);
        var after = SseTestReader.Parse(result.Output);
        Assert.Equal(SseTestReader.Texts(before), SseTestReader.Texts(after));
        Assert.Equal(before.Where(e => !IsDelta(e)), after.Where(e => !IsDelta(e)));
        Assert.Equal(before.Count(IsDelta) + 1, after.Count(IsDelta));
        Assert.Empty(result.DeltaRedactions);

        // With nothing to hold back, not a byte changes.
        Assert.Equal(input, SsePipeline.Run(SecretPatternSet.Empty, input, []).Output);
    }

    [Fact]
    public void Process_DoneAfterHeldText_WritesItInADeltaEventBeforeDone()
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var text = $"the key starts {apiKey[..10]}";
        var input = Utf8(new FakeModel().ChatCompletions(FakeModel.Deltas(text, 3), terminate: false) + "data: [DONE]\n\n");

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var events = SseTestReader.Parse(result.Output);
        Assert.Equal(text, Assert.Single(SseTestReader.Texts(events)).Value);
        Assert.Equal("[DONE]", events[^1].Data);
        var held = events[^2].Json.GetProperty("choices")[0];
        Assert.Equal(apiKey[..10], held.GetProperty("delta").GetProperty("content").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, held.GetProperty("finish_reason").ValueKind);
    }

    [Theory]
    [InlineData(Provider.ChatCompletions)]
    [InlineData(Provider.Responses)]
    [InlineData(Provider.Anthropic)]
    public void Flush_BodyEndsWithoutItsLastEvents_WritesHeldTextThenTheUnfinishedEventUnchanged(Provider provider)
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var text = $"cut off while writing {apiKey[..11]}";
        const string Unfinished = "event: content_block_delta\ndata: {\"type\":\"content_bl";
        var input = Utf8(new FakeModel().Stream(provider, FakeModel.Deltas(text, 3), terminate: false) + Unfinished);

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        Assert.Equal(text, Assert.Single(SseTestReader.Texts(SseTestReader.Parse(result.Output))).Value);
        Assert.EndsWith("\n\n" + Unfinished, Encoding.UTF8.GetString(result.Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.ChatCompletions, true)]
    [InlineData(Provider.Responses, true)]
    [InlineData(Provider.Anthropic, true)]
    [InlineData(Provider.ChatCompletions, false)]
    [InlineData(Provider.Responses, false)]
    [InlineData(Provider.Anthropic, false)]
    public void Process_SecretAtTheVeryEndOfTheStream_IsRedacted(Provider provider, bool terminate)
    {
        var apiKey = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var text = "the key: " + apiKey;
        var input = Utf8(new FakeModel().Stream(provider, FakeModel.Deltas(text, 3), terminate: terminate));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        Assert.Equal("the key: [REDACTED:api_key]", Assert.Single(SseTestReader.Texts(SseTestReader.Parse(result.Output))).Value);
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
    }

    [Fact]
    public void Process_TwoChoicesInterleaved_EachIsRedactedOnItsOwn()
    {
        var apiKey = _some.AwkwardSecret();
        var token = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey), ("oauth_token", token));
        var first = $"one: {token} and {apiKey}";
        var second = $"two: {apiKey[..5]} is not it, {apiKey} is, and so is {token}.";
        var input = Utf8(new FakeModel().ChatCompletionsTwoChoices(FakeModel.Deltas(first, 2), FakeModel.Deltas(second, 3)));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var texts = SseTestReader.Texts(SseTestReader.Parse(result.Output));
        string Redacted(string text) => text.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal).Replace(token, "[REDACTED:oauth_token]", StringComparison.Ordinal);
        Assert.Equal(Redacted(first), texts["choice0.content"]);
        Assert.Equal(Redacted(second), texts["choice1.content"]);
        Assert.Equal([new RedactionCount("api_key", 2), new RedactionCount("oauth_token", 2)], result.DeltaRedactions);
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
        SseRuns.AssertNoFormOf(token, result.Output, _random);
    }

    [Fact]
    public void Process_ChoicesHoldingTextWhenTheyFinishTogether_EachGetsAnEventOfItsOwn()
    {
        var apiKey = _some.Canary();
        var token = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey), ("oauth_token", token));
        const string Head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[";
        var input = Utf8(
            Head + $"{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"content\":\"a {apiKey[..8]}\"}},\"finish_reason\":null}},"
            + $"{{\"index\":1,\"delta\":{{\"role\":\"assistant\",\"content\":\"b {token[..9]}\"}},\"finish_reason\":null}}]}}\n\n"
            + Head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
            + "data: [DONE]\n\n");

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var events = SseTestReader.Parse(result.Output);
        var texts = SseTestReader.Texts(events);
        Assert.Equal($"a {apiKey[..8]}", texts["choice0.content"]);
        Assert.Equal($"b {token[..9]}", texts["choice1.content"]);

        // The held text of each choice: one choice per event, no role, not finished.
        Assert.Equal(5, events.Count);
        for (var i = 0; i < 2; i++)
        {
            var choice = Assert.Single(events[1 + i].Json.GetProperty("choices").EnumerateArray());
            Assert.Equal(i, choice.GetProperty("index").GetInt32());
            Assert.Equal(i == 0 ? apiKey[..8] : token[..9], Assert.Single(choice.GetProperty("delta").EnumerateObject()).Value.GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, choice.GetProperty("finish_reason").ValueKind);
        }
    }

    public static TheoryData<Provider, int, bool> FormatsDeltaSizesAndEscaping()
    {
        var data = new TheoryData<Provider, int, bool>();
        foreach (var provider in Enum.GetValues<Provider>())
        {
            foreach (var runes in new[] { 1, 2, 3, 7 })
            {
                data.Add(provider, runes, runes % 2 == 1);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsDeltaSizesAndEscaping))]
    public void Process_MultiByteCharactersSplitByDeltasChunksAndHoldBack_Survive(Provider provider, int deltaRunes, bool escapeNonAscii)
    {
        // A binary secret that starts with the last two bytes of '€': the redactor holds them back from the first
        // byte of the character whenever '€' is followed by the start of that secret, so its release splits '€'.
        var secret = "€" + _some.Canary() + "中";
        var binaryTail = _some.Canary();
        var set = SecretPatternSet.Build(
            [new LeakSecret("key", Utf8(secret)), new LeakSecret("binary", (byte[])[0x82, 0xAC, .. Utf8(binaryTail)])],
            CredentialDetectors.None);
        var text = $"€€ 👩‍💻 中文 {secret} 🇯🇵 e\u0301 €{binaryTail[..12]} ¥€ 😀";
        var input = Utf8(new FakeModel(escapeNonAscii: escapeNonAscii).Stream(provider, FakeModel.Deltas(text, deltaRunes)));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, singleCuts: 8, multiCuts: 4);

        var streamed = Assert.Single(SseTestReader.Texts(SseTestReader.Parse(result.Output))).Value;
        Assert.Equal(text.Replace(secret, "[REDACTED:key]", StringComparison.Ordinal), streamed);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(result.Output));
    }

    private static bool IsDelta(SseTestEvent e) => e.Data != "[DONE]" && SseTestReader.Texts([e]).Count > 0;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
