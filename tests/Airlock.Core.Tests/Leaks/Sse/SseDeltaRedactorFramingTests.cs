using System.Text;
using Airlock.Core.Leaks.Sse;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>SSE framing, events the redactor does not read, and the limits that keep its memory bounded.</summary>
public sealed class SseDeltaRedactorFramingTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public SseDeltaRedactorFramingTests() => _random = new Random(_some.Seed);

    [Fact]
    public void Process_EventsItDoesNotRead_PassThroughByteForByte()
    {
        var set = LeakTestKit.Set(("api_key", _some.Canary()));
        var input = Utf8(
            "\uFEFF: a comment\r\nretry: 1000\r\n\r\n"
            + "id: 7\nevent: vendor.status\ndata: {\"type\":\"vendor.status\",\"ok\":true}\n\n"
            + "data: not json at all\ndata: second line\n\n"
            + "event: content_block_delta\rdata: {\"type\":\"message_delta\"}\r\r"   // the name and the type disagree
            + "data\n\n"
            + "data: {\"choices\":\"not an array\",\"type\":\"x\"}\n\n"
            + "data: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"delta\":\"x\",\"delta\":\"y\"}\n\n"   // a duplicate key
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"\\ud800\"}}\n\n"   // a lone surrogate
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"id\":\"\\udc00\",\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}\n\n"   // in another string
            + "data: [1,2,3]\n\n"
            + "data: {\"truncated\": \n\n"
            + "\n\n\r\n"
            + ": unfinished\ndata: {\"type\":\"content_block_delta\"");

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        Assert.Equal(input, result.AfterDeltaRedactor);
        Assert.Equal(input, result.Output);
    }

    [Fact]
    public void Process_RewrittenEvent_KeepsItsOtherLinesAndJoinsItsDataLines()
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));

        // A delta whose JSON is split over two data lines, with an id and a comment; its text is held back.
        var input = Utf8(
            "id: 41\r\nevent: content_block_delta\r\n: note\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\r\n"
            + $"data:\"delta\":{{\"type\":\"text_delta\",\"text\":\"say {apiKey[..8]}\"}}}}\r\nretry: 5\r\n\r\n"
            + "event: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":0}\r\n\r\n");

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input);

        var expected =
            "id: 41\r\nevent: content_block_delta\r\n: note\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"say \"}}\r\nretry: 5\r\n\r\n"
            + $"event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"{apiKey[..8]}\"}}}}\n\n"
            + "event: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":0}\r\n\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(result.Output));
    }

    [Fact]
    public void Process_EventOverTheLimit_FlushesOpenStreamsAndCopiesTheRestUnchanged()
    {
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var options = new SseDeltaRedactorOptions { MaxEventBytes = 4096 };
        var model = new FakeModel();
        var before = model.ChatCompletions(FakeModel.Deltas($"held at the limit: {apiKey[..10]}", 3), terminate: false);
        var oversized = "event: vendor.blob\ndata: " + new string('x', 6000) + "\n\n";
        var after = model.ChatCompletions([$"whole in one delta: {apiKey}", " and more"]);
        var input = Utf8(before + oversized + after);

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, options);

        Assert.True(result.PassingThrough);
        var afterDelta = Encoding.UTF8.GetString(result.AfterDeltaRedactor);
        Assert.EndsWith(oversized + after, afterDelta, StringComparison.Ordinal);

        // The text held when parsing stopped went out first, in an event of its own.
        var flushed = SseTestReader.Parse(Utf8(afterDelta[..^(oversized + after).Length]));
        Assert.Equal($"held at the limit: {apiKey[..10]}", Assert.Single(SseTestReader.Texts(flushed)).Value);

        // The byte-level redactor still finds a secret whole inside one event.
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
    }

    [Fact]
    public void Process_DoneEventsOverTheLimit_LoseNothing()
    {
        // A long answer: each delta is small, the events that repeat the whole text are over the limit.
        var apiKey = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey));
        var text = string.Concat(Enumerable.Repeat("lorem ipsum ", 600)) + $"the key is {apiKey}";
        var input = Utf8(new FakeModel().Responses(FakeModel.Deltas(text, 7)));

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, new SseDeltaRedactorOptions { MaxEventBytes = 4096 }, singleCuts: 4, multiCuts: 2);

        Assert.True(result.PassingThrough);
        var events = SseTestReader.Parse(result.Output);
        var expected = text.Replace(apiKey, "[REDACTED:api_key]", StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(SseTestReader.Texts(events)).Value);
        Assert.All(SseTestReader.ResponsesFullTexts(events), full => Assert.Equal(expected, full));
        SseRuns.AssertNoFormOf(apiKey, result.Output, _random);
    }

    [Fact]
    public void Process_MoreTextStreamsThanTheLimit_CopiesTheRestUnchanged()
    {
        var set = LeakTestKit.Set(("api_key", _some.Canary()));
        var options = new SseDeltaRedactorOptions { MaxTextStreams = 2 };
        string Chunk(int choices) =>
            "data: {\"object\":\"chat.completion.chunk\",\"choices\":["
            + string.Join(",", Enumerable.Range(0, choices).Select(i => $"{{\"index\":{i},\"delta\":{{\"content\":\"hi\"}},\"finish_reason\":null}}"))
            + "]}\n\n";
        var input = Utf8(Chunk(2) + Chunk(3) + Chunk(3) + "data: [DONE]\n\n");

        var result = SseRuns.AllChunkings(_random, _some.Seed, set, input, options);

        Assert.True(result.PassingThrough);
        Assert.Equal(input, result.AfterDeltaRedactor);
    }

    [Fact]
    public void Process_AnOversizedLineWithoutEnd_DoesNotGrowMemoryPastTheLimit()
    {
        var set = LeakTestKit.Set(("api_key", _some.Canary()));
        var options = new SseDeltaRedactorOptions { MaxEventBytes = 64 * 1024 };
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)'x');
        using var redactor = new SseDeltaRedactor(set, options);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        redactor.Process("data: "u8, output);
        var written = 0L;
        for (var i = 0; i < 64; i++)
        {
            redactor.Process(chunk, output);
            written += output.WrittenCount;
            output.ResetWrittenCount();
        }

        Assert.True(redactor.PassingThrough);
        Assert.Equal((64L * chunk.Length) + 6, written);
    }

    [Fact]
    public void Constructor_LimitsOutOfRange_Throw()
    {
        var set = LeakTestKit.Set(("api_key", _some.Canary()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SseDeltaRedactor(set, new SseDeltaRedactorOptions { MaxEventBytes = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SseDeltaRedactor(set, new SseDeltaRedactorOptions { MaxTextStreams = 0 }));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
