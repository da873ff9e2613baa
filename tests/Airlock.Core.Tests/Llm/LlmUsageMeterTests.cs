using System.Text;
using Airlock.Core.Llm;

namespace Airlock.Core.Tests.Llm;

public sealed class LlmUsageMeterTests
{
    [Theory]
    [InlineData(LlmEndpoint.ChatCompletions, """{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""", 12, 5)]
    [InlineData(LlmEndpoint.Responses, """{"output":[],"usage":{"input_tokens":30,"output_tokens":7}}""", 30, 7)]
    [InlineData(LlmEndpoint.Embeddings, """{"data":[],"usage":{"prompt_tokens":9,"total_tokens":9}}""", 9, 0)]
    [InlineData(LlmEndpoint.Messages, """{"content":[],"usage":{"input_tokens":10,"cache_read_input_tokens":4,"output_tokens":3}}""", 14, 3)]
    public void A_json_answer_is_charged_what_its_usage_says(LlmEndpoint endpoint, string body, long input, long output)
    {
        var meter = new LlmUsageMeter(endpoint, requestBytes: 400, eventStream: false);
        foreach (var part in Split(body, 7))
        {
            meter.Observe(part);
        }

        Assert.Equal(new LlmUsage(input, output), meter.Usage());
    }

    [Fact]
    public void An_openai_stream_is_charged_its_final_usage_chunk()
    {
        var meter = Stream(LlmEndpoint.ChatCompletions, """
            data: {"choices":[{"index":0,"delta":{"content":"Hello"}}]}

            data: {"choices":[],"usage":{"prompt_tokens":21,"completion_tokens":2}}

            data: [DONE]


            """);

        Assert.Equal(new LlmUsage(21, 2), meter.Usage());
    }

    [Fact]
    public void An_anthropic_stream_is_charged_from_message_start_and_the_last_message_delta()
    {
        var meter = Stream(LlmEndpoint.Messages, """
            event: message_start
            data: {"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

            event: message_delta
            data: {"type":"message_delta","usage":{"output_tokens":15}}


            """);

        Assert.Equal(new LlmUsage(25, 15), meter.Usage());
    }

    [Fact]
    public void A_stream_cut_before_its_usage_is_charged_for_the_text_streamed_and_an_input_estimate()
    {
        var meter = Stream(LlmEndpoint.ChatCompletions, """
            data: {"choices":[{"index":0,"delta":{"content":"0123456789"}}]}

            data: {"choices":[{"index":0,"delta":{"content":"ab"}}]}

            data: {"choices":[{"index":0,"delta":{"content":"cd"}
            """, requestBytes: 401);

        Assert.Equal(new LlmUsage(101, 3, Estimated: true), meter.Usage());
    }

    private static LlmUsageMeter Stream(LlmEndpoint endpoint, string sse, long requestBytes = 400)
    {
        var meter = new LlmUsageMeter(endpoint, requestBytes, eventStream: true);
        foreach (var part in Split(sse.Replace("\r\n", "\n", StringComparison.Ordinal), 5))
        {
            meter.Observe(part);
        }

        return meter;
    }

    private static IEnumerable<byte[]> Split(string text, int size) => Encoding.UTF8.GetBytes(text).Chunk(size);
}
