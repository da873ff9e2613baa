using System.Text;
using Airlock.Core.Audit;

namespace Airlock.Core.Tests.Audit;

public sealed class AuditRecordEncodingTests
{
    private const string Version1Outcome = """
        {"v":1,"seq":7,"kind":"outcome","time":"2026-11-22T10:00:00.000000Z","session":"ses_1","agent":"bot","user":null,"chain":[],"method":"GET","service":"echo","path":"/x","params":null,"intent":"read","reason":null,"decision":"permit","policies":[],"errors":[],"decisionSeq":6,"status":200,"bytesIn":null,"bytesOut":12,"latencyMs":3,"redactionCount":0,"redactions":[]}
        """;

    [Fact]
    public void An_llm_outcome_round_trips_its_model_tokens_and_cost()
    {
        var record = new AuditRecord
        {
            Sequence = 3,
            Kind = AuditRecordKind.Outcome,
            Time = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
            DecisionSequence = 2,
            Decision = AuditDecision.Permit,
            Model = "openai/gpt-4o-mini",
            InputTokens = 1200,
            OutputTokens = 345,
            CostMicros = 387,
        };

        var bytes = AuditRecordEncoding.Encode(record);
        var read = AuditRecordEncoding.Decode(bytes);

        Assert.Contains("\"v\":2", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(("openai/gpt-4o-mini", 1200L, 345L, 387L), (read.Model, read.InputTokens!.Value, read.OutputTokens!.Value, read.CostMicros!.Value));
        Assert.Equal(bytes, AuditRecordEncoding.Encode(read));
    }

    [Fact]
    public void A_version_1_record_written_before_the_llm_members_is_still_read()
    {
        var read = AuditRecordEncoding.Decode(Encoding.UTF8.GetBytes(Version1Outcome));

        Assert.Equal(7, read.Sequence);
        Assert.Equal(200, read.Status);
        Assert.Null(read.Model);
        Assert.Null(read.CostMicros);
    }

    [Theory]
    [InlineData("\"v\":1,", "\"v\":2,")]
    [InlineData("\"redactions\":[]}", "\"redactions\":[],\"model\":null,\"inputTokens\":null,\"outputTokens\":null,\"costMicros\":null}")]
    [InlineData("\"v\":1,", "\"v\":3,")]
    public void A_record_whose_members_do_not_match_its_version_is_refused(string find, string replace) =>
        Assert.Throws<FormatException>(() => AuditRecordEncoding.Decode(Encoding.UTF8.GetBytes(Version1Outcome.Replace(find, replace, StringComparison.Ordinal))));
}
