using Airlock.Cedar.Differential.Generation.Model;
using Airlock.Cedar.Differential.Oracle;

namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// The reference engine answering the same checks as <see cref="NativeDecider"/>, a whole group per round trip.
/// Validation costs a schema parse per call in cedar-wasm, so the group's cases are validated together, as one
/// map of single policies (validation judges each policy alone); only if that call fails is each case asked alone.
/// </summary>
public sealed class OracleDecider(OracleProcess oracle)
{
    /// <summary>Every check of a group; <paramref name="validate"/> says which cases to validate.</summary>
    public Task<GroupAnswers> DecideAsync(ScenarioGroup group, IReadOnlyList<bool> validate)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(validate);
        return Task.Run(() => Decide(group, validate));
    }

    /// <summary>One authorization (explained), for shrinking and printing a disagreement.</summary>
    public Answer Authorize(string schemaText, bool schemaIsJson, string policies, string entities, GenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AuthorizeAnswer(oracle.Call(OracleRequests.Authorize(
            policies, entities, request.WithSchema ? new OracleSchema(schemaText, schemaIsJson) : null,
            request.Principal, request.Action, request.Resource, request.Context, request.ValidateRequest)));
    }

    /// <summary>One validation, for shrinking a disagreement.</summary>
    public Answer Validate(string schemaText, bool schemaIsJson, string policies) =>
        ValidateAnswer(oracle.Call(OracleRequests.Validate(policies, new OracleSchema(schemaText, schemaIsJson))));

    private GroupAnswers Decide(ScenarioGroup group, IReadOnlyList<bool> validate)
    {
        var schema = new OracleSchema(group.Schema, group.SchemaIsJson);
        var calls = new List<string> { OracleRequests.ParseSchema(schema) };
        var together = new Dictionary<string, string>();
        var alone = new List<int>();
        for (var s = 0; s < group.Scenarios.Count; s++)
        {
            var scenario = group.Scenarios[s];
            calls.Add(OracleRequests.Parse(scenario.Policies));
            calls.AddRange(scenario.Requests.Select(r => OracleRequests.Authorize(
                scenario.Policies,
                r.WithSchema ? group.EntitiesWithSchema : group.EntitiesWithoutSchema,
                r.WithSchema ? schema : null,
                r.Principal,
                r.Action,
                r.Resource,
                r.Context,
                r.ValidateRequest,
                explain: false)));
            if (validate[s] && scenario.Parts is { } parts)
            {
                for (var p = 0; p < parts.Count; p++)
                {
                    together[Id(s, p)] = parts[p];
                }
            }
            else if (validate[s])
            {
                alone.Add(s);
            }
        }

        if (together.Count > 0)
        {
            calls.Add(OracleRequests.Validate(together, schema));
        }

        calls.AddRange(alone.Select(s => OracleRequests.Validate(group.Scenarios[s].Policies, schema)));
        var answers = oracle.Call(calls);

        var next = 1;
        var parse = new List<Answer>();
        var authorize = new List<IReadOnlyList<Answer>>();
        foreach (var scenario in group.Scenarios)
        {
            parse.Add(ParseAnswer(answers[next++]));
            authorize.Add([.. scenario.Requests.Select(_ => AuthorizeAnswer(answers[next++]))]);
        }

        var validated = new Answer?[group.Scenarios.Count];
        var combined = together.Count > 0 ? answers[next++] : null;
        foreach (var s in alone)
        {
            validated[s] = ValidateAnswer(answers[next++]);
        }

        SplitCombined(group, validate, combined, schema, validated);
        return new GroupAnswers(Simple(answers[0]), parse, validated, authorize);
    }

    // A case is valid when none of its policies has a validation error. Should the combined call fail (one
    // policy that cedar-wasm does not parse, reported as a parse disagreement), each case is asked alone.
    private void SplitCombined(ScenarioGroup group, IReadOnlyList<bool> validate, OracleAnswer? combined, OracleSchema schema, Answer?[] validated)
    {
        var cases = Enumerable.Range(0, group.Scenarios.Count).Where(s => validate[s] && group.Scenarios[s].Parts is not null).ToList();
        if (combined is null || cases.Count == 0)
        {
            return;
        }

        if (combined.Crash is null && combined.Ok)
        {
            foreach (var s in cases)
            {
                var prefix = $"c{s}p";
                var mine = combined.Messages.Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                var invalid = combined.Invalid.Any(id => id.StartsWith(prefix, StringComparison.Ordinal));
                validated[s] = new Answer(invalid ? "invalid" : "valid", string.Empty, mine);
            }

            return;
        }

        var answers = oracle.Call([.. cases.Select(s => OracleRequests.Validate(group.Scenarios[s].Policies, schema))]);
        for (var i = 0; i < cases.Count; i++)
        {
            validated[cases[i]] = ValidateAnswer(answers[i]);
        }
    }

    private static string Id(int scenario, int part) => $"c{scenario}p{part}";

    private static Answer ParseAnswer(OracleAnswer a) =>
        a.Crash is null && a.Ok ? NativeDecider.ParsedKey(a.Templates) : Simple(a);

    private static Answer ValidateAnswer(OracleAnswer a) =>
        a.Crash is null && a.Ok ? new Answer(a.Valid ? "valid" : "invalid", string.Empty, a.Messages) : Simple(a);

    private static Answer AuthorizeAnswer(OracleAnswer a) =>
        a.Crash is null && a.Ok
            ? Answer.Decided(a.Decision!, a.Reason, a.Errors, a.ErrorMessages)
            : a.Crash is null ? Answer.Reject(a.Stage ?? "some input", a.Messages) : Simple(a);

    private static Answer Simple(OracleAnswer a) =>
        a.Crash is { } crash ? new Answer("oracle crash", string.Empty, [crash])
        : a.Ok ? new Answer("ok", string.Empty, a.Messages)
        : Answer.Reject("parse", a.Messages);
}
