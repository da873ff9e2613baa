using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// Runs a group's checks on Airlock.Cedar while cedar-wasm answers the same group, and lines the answers up.
/// A check whose inputs the engines already disagree on (a policy set or a schema only one of them accepts)
/// is not compared again downstream.
/// </summary>
public sealed class GroupComparer(NativeDecider native, OracleDecider oracle)
{
    /// <summary>Compares one group; returns how many of its cases passed and every disagreement.</summary>
    public (int Passed, List<Disagreement> Disagreements) Compare(ScenarioGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var schemaAnswer = native.ParseSchema(group);
        var parsed = group.Scenarios.Select(s => (Answer: NativeDecider.Parse(s.Policies, out var policies), Policies: policies)).ToList();

        // Validation is compared only where Airlock accepts the schema and a template-free policy set.
        var validate = parsed.Select(p => native.Schema is not null && p.Policies is { Templates.Count: 0 }).ToList();
        var pending = oracle.DecideAsync(group, validate);
        var withSchema = native.Schema is null ? null : native.ParseEntities(group.EntitiesWithSchema, withSchema: true);
        var withoutSchema = native.ParseEntities(group.EntitiesWithoutSchema, withSchema: false);
        var mine = group.Scenarios.Select((s, i) => s.Requests.Select(r =>
            r.WithSchema && withSchema is null ? null : native.Authorize(parsed[i].Policies, r.WithSchema ? withSchema! : withoutSchema, r)).ToList()).ToList();
        var validations = parsed.Select((p, i) => validate[i] ? native.Validate(p.Policies!) : null).ToList();
        var theirs = pending.GetAwaiter().GetResult();

        var disagreements = new List<Disagreement>();
        var schemaAgrees = schemaAnswer.Key == theirs.Schema.Key;
        if (!schemaAgrees)
        {
            disagreements.Add(new Disagreement(CheckKind.Schema, group, 0, -1, string.Empty, null, null, schemaAnswer, theirs.Schema));
        }

        var passed = 0;
        for (var s = 0; s < group.Scenarios.Count; s++)
        {
            var scenario = group.Scenarios[s];
            var found = disagreements.Count;
            var parseAgrees = parsed[s].Answer.Key == theirs.Parse[s].Key;
            if (!parseAgrees)
            {
                disagreements.Add(new Disagreement(CheckKind.Parse, group, s, -1, scenario.Policies, null, null, parsed[s].Answer, theirs.Parse[s]));
            }

            if (parseAgrees && schemaAgrees && validations[s] is { } v && theirs.Validate[s] is { } w && v.Key != w.Key)
            {
                disagreements.Add(new Disagreement(CheckKind.Validate, group, s, -1, scenario.Policies, null, null, v, w));
            }

            for (var r = 0; r < scenario.Requests.Count; r++)
            {
                var request = scenario.Requests[r];
                if (parseAgrees && (schemaAgrees || !request.WithSchema) && mine[s][r] is { } a && a.Key != theirs.Authorize[s][r].Key)
                {
                    var entities = request.WithSchema ? group.EntitiesWithSchema : group.EntitiesWithoutSchema;
                    disagreements.Add(new Disagreement(CheckKind.Authorize, group, s, r, scenario.Policies, entities, request, a, theirs.Authorize[s][r]));
                }
            }

            passed += disagreements.Count == found ? 1 : 0;
        }

        return (passed, disagreements);
    }
}
