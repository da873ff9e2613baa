using System.Text;
using System.Text.Json.Nodes;
using Airlock.Core.Llm;

namespace Airlock.Core.Tests.Llm;

public sealed class LlmRequestPreparerTests
{
    [Fact]
    public void A_chat_request_without_a_cap_gets_the_default_and_a_stream_asks_for_usage()
    {
        var prepared = Prepare(LlmEndpoint.ChatCompletions, """{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        var body = JsonNode.Parse(prepared.Body.Span)!;

        Assert.Equal(("gpt-4o-mini", 4096L, true), (prepared.Model, prepared.MaxTokens, prepared.Stream));
        Assert.Equal(4096, body["max_completion_tokens"]!.GetValue<long>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
        Assert.Equal("hi", body["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(LlmEndpoint.ChatCompletions, """{"model":"m","max_tokens":50}""", "max_tokens")]
    [InlineData(LlmEndpoint.ChatCompletions, """{"model":"m","max_completion_tokens":50}""", "max_completion_tokens")]
    [InlineData(LlmEndpoint.Responses, """{"model":"m","max_output_tokens":50}""", "max_output_tokens")]
    [InlineData(LlmEndpoint.Messages, """{"model":"m","max_tokens":50}""", "max_tokens")]
    public void The_agents_own_cap_is_kept_in_the_field_it_used(LlmEndpoint endpoint, string json, string field)
    {
        var prepared = Prepare(endpoint, json);

        Assert.Equal(50, prepared.MaxTokens);
        Assert.Equal(50, JsonNode.Parse(prepared.Body.Span)![field]!.GetValue<long>());
    }

    [Fact]
    public void Tools_are_named_by_function_name_or_built_in_type()
    {
        var prepared = Prepare(LlmEndpoint.Responses, """{"model":"m","tools":[{"type":"function","name":"delete_repo"},{"type":"web_search"}]}""");
        var chat = Prepare(LlmEndpoint.ChatCompletions, """{"model":"m","tools":[{"type":"function","function":{"name":"send_mail"}}]}""");

        Assert.Equal(["delete_repo", "web_search"], prepared.Tools);
        Assert.Equal(["send_mail"], chat.Tools);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "model")]
    [InlineData("""{"model":""}""", "model")]
    [InlineData("""{"model":"m","max_tokens":-1}""", "max_tokens")]
    [InlineData("""{"model":"m","max_tokens":"lots"}""", "max_tokens")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"model":""", "$")]
    [InlineData("""{"model":"m","logprobs":true}""", "logprobs")]
    [InlineData("""{"model":"m","top_logprobs":3}""", "top_logprobs")]
    [InlineData("""{"model":"m","include":["message.output_text.logprobs"]}""", "include")]
    public void A_body_that_cannot_be_metered_is_refused_naming_the_field(string json, string field)
    {
        var error = Assert.Throws<LlmRequestException>(() => Prepare(LlmEndpoint.Messages, json));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI, "POST", "/v1/chat/completions", LlmEndpoint.ChatCompletions)]
    [InlineData(LlmProvider.OpenAI, "GET", "/v1/models/gpt-4o", LlmEndpoint.Models)]
    [InlineData(LlmProvider.Anthropic, "POST", "/v1/messages", LlmEndpoint.Messages)]
    [InlineData(LlmProvider.Anthropic, "POST", "/v1/chat/completions", null)]
    [InlineData(LlmProvider.OpenAI, "POST", "/v1/files", null)]
    [InlineData(LlmProvider.OpenAI, "GET", "/v1/models/a/b", null)]
    [InlineData(LlmProvider.OpenAI, "DELETE", "/v1/models/ft-1", null)]
    public void Only_endpoints_airlock_can_meter_are_matched(LlmProvider provider, string method, string path, LlmEndpoint? expected) =>
        Assert.Equal(expected, LlmEndpoints.Match(provider, method, path));

    [Fact]
    public void Cost_is_tokens_times_the_per_million_price_in_micro_usd_rounded_up()
    {
        var price = new ModelPrice(0.15m, 0.60m);

        Assert.Equal(1_350_000, new ModelPrice(2.5m, 10m).CostMicros(100_000, 110_000));
        Assert.Equal(1, price.CostMicros(1, 0));
        Assert.Equal(750, price.CostMicros(1000, 1000));
    }

    private static LlmRequest Prepare(LlmEndpoint endpoint, string json) => LlmRequestPreparer.Prepare(endpoint, Encoding.UTF8.GetBytes(json), 4096);
}
