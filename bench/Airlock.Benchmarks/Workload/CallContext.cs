using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>The facts a gateway knows about one agent call, turned into the Cedar context record Airlock builds.</summary>
internal sealed record CallContext(
    string Method,
    string Path,
    int BodyBytes,
    string SourceIp,
    int Hour,
    int Weekday,
    long Spent,
    long Remaining,
    EntityUid SessionUser,
    string Intent,
    IReadOnlyList<string> Scope,
    int DelegationDepth,
    int Calls,
    int Denials,
    string LastAction,
    int? Confidence)
{
    public RecordValue ToRecord()
    {
        var context = new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            ["request"] = Record(
                ("method", new StringValue(Method)),
                ("path", new StringValue(Path)),
                ("query", new StringValue(Method == "GET" ? "limit=50" : string.Empty)),
                ("content_type", new StringValue("application/json")),
                ("body_bytes", LongValue.Of(BodyBytes)),
                ("source_ip", AirlockWorkload.Ip(SourceIp))),
            ["time"] = Record(
                ("hour", LongValue.Of(Hour)),
                ("weekday", LongValue.Of(Weekday)),
                ("epoch", LongValue.Of(1_763_812_800L + (Hour * 3600)))),
            ["budget"] = Record(
                ("spent", LongValue.Of(Spent)),
                ("remaining", LongValue.Of(Remaining)),
                ("currency", new StringValue("USD-cents"))),
            ["session"] = Record(
                ("id", new StringValue("sess-7f3c9a12")),
                ("user", new EntityValue(SessionUser)),
                ("intent", new StringValue(Intent)),
                ("scope", new SetValue(Scope.Select(s => (Value)new StringValue(s)))),
                ("started", LongValue.Of(1_763_810_000L)),
                ("delegation_depth", LongValue.Of(DelegationDepth))),
            ["history"] = Record(
                ("calls", LongValue.Of(Calls)),
                ("denials", LongValue.Of(Denials)),
                ("last_action", new StringValue(LastAction))),
        };
        if (Confidence is { } c)
        {
            context["agent_confidence"] = LongValue.Of(c);
        }

        return new RecordValue(context);
    }

    private static RecordValue Record(params (string Name, Value Value)[] attrs) =>
        new(attrs.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
}
