using Airlock.Cedar.Conformance.Checking;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Differential.Oracle;

namespace Airlock.Cedar.Conformance.Engines;

/// <summary>
/// The reference engine (cedar-wasm in node) run over the corpus: proves the corpus, the runner and the oracle agree.
/// Each test goes to the oracle as one batch; the oracle names the input at fault when it rejects a request.
/// </summary>
public sealed class OracleEngine : IConformanceEngine
{
    private readonly OracleProcess oracle = OracleProcess.Start();

    public TestObservation Run(CorpusTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var schema = new OracleSchema(test.Schema, test.SchemaIsJson);
        var calls = new List<string>
        {
            OracleRequests.Parse(test.Policies),
            OracleRequests.ParseSchema(schema),
            OracleRequests.Validate(test.Policies, schema),
            // Authorizing parses the entities against the schema; only a test without requests needs this call to.
            test.Requests.Count == 0 ? OracleRequests.ParseEntities(test.Entities, schema) : OracleRequests.ParseEntities("[]", null),
        };
        var parsed = test.Requests.Where(r => r.ParseError is null).ToArray();
        calls.AddRange(parsed.Select(r => OracleRequests.Authorize(
            test.Policies, test.Entities, schema, r.Principal!, r.Action!, r.Resource!, r.ContextJson, r.ValidateRequest)));

        var answers = oracle.Call(calls);
        var authorized = answers.Skip(4).ToArray();
        var setup = SetupFailure(answers[0], FailureKind.PolicyParse)
            ?? SetupFailure(answers[1], FailureKind.SchemaParse)
            ?? Crashed(answers[2])
            ?? SetupFailure(answers[3], FailureKind.EntitiesParse)
            ?? authorized.Where(a => a.Stage == "entities").Select(a => new EngineFailure(FailureKind.EntitiesParse, a.Messages)).FirstOrDefault();
        if (setup is not null)
        {
            return TestObservation.Failed(setup);
        }

        var next = 0;
        var requests = test.Requests.Select(r => r.ParseError is null
            ? Observe(authorized[next++])
            : RequestObservation.Failed(new EngineFailure(FailureKind.RequestParse, [r.ParseError])));
        return new TestObservation(null, answers[2].Valid, answers[2].Messages, [.. requests]);
    }

    public void Dispose() => oracle.Dispose();

    private static RequestObservation Observe(OracleAnswer answer)
    {
        if (Crashed(answer) is { } crash)
        {
            return RequestObservation.Failed(crash);
        }

        if (!answer.Ok)
        {
            var kind = answer.Stage == "request" ? FailureKind.RequestValidation : FailureKind.ContextParse;
            return RequestObservation.Failed(new EngineFailure(kind, answer.Messages));
        }

        return new RequestObservation(null, answer.Decision, answer.Reason, answer.Errors, answer.ErrorMessages);
    }

    private static EngineFailure? SetupFailure(OracleAnswer answer, FailureKind kind) =>
        Crashed(answer) ?? (answer.Ok ? null : new EngineFailure(kind, answer.Messages));

    private static EngineFailure? Crashed(OracleAnswer answer) =>
        answer.Crash is { } crash ? new EngineFailure(FailureKind.EngineCrash, [crash]) : null;
}
