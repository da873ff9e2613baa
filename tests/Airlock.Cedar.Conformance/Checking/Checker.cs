using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Engines;

namespace Airlock.Cedar.Conformance.Checking;

/// <summary>
/// Judges an engine's observation of a test against the test's expectations, as the official harness does:
/// validation against <c>shouldValidate</c>, then per request the decision, and the reason and error policy ids as sets.
/// Error messages are never compared.
/// </summary>
public static class Checker
{
    public static IReadOnlyList<CheckResult> Check(CorpusTest test, TestObservation observation)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(observation);
        var expectedValidation = $"shouldValidate: {Lower(test.ShouldValidate)}";
        if (test.LoadError is not null)
        {
            return [new CheckResult(null, [FailureKind.TestFile], expectedValidation, "unreadable test", [test.LoadError])];
        }

        if (observation.Setup is { } setup)
        {
            // As in the Rust harness, nothing of the test can run when its policies, schema or entities are rejected.
            var actual = $"rejected: {setup.Kind}";
            return
            [
                new CheckResult(null, [setup.Kind], expectedValidation, actual, setup.Messages),
                .. test.Requests.Select(r => new CheckResult(r.Description, [setup.Kind], Render(r), actual, [])),
            ];
        }

        var checks = new List<CheckResult>(test.Requests.Count + 1)
        {
            new(
                null,
                observation.Valid == test.ShouldValidate ? [] : [FailureKind.Validation],
                expectedValidation,
                $"valid: {Lower(observation.Valid)}",
                observation.ValidationMessages),
        };
        for (var i = 0; i < test.Requests.Count; i++)
        {
            checks.Add(CheckRequest(test.Requests[i], observation.Requests[i]));
        }

        return checks;
    }

    private static CheckResult CheckRequest(CorpusRequest expected, RequestObservation actual)
    {
        if (actual.Failure is { } failure)
        {
            return new CheckResult(expected.Description, [failure.Kind], Render(expected), $"rejected: {failure.Kind}", failure.Messages);
        }

        var kinds = new List<FailureKind>();
        if (actual.Decision != expected.Decision)
        {
            kinds.Add(FailureKind.Decision);
        }

        if (!actual.Reason.ToHashSet().SetEquals(expected.Reason))
        {
            kinds.Add(FailureKind.Reason);
        }

        if (!actual.Errors.ToHashSet().SetEquals(expected.Errors))
        {
            kinds.Add(FailureKind.Errors);
        }

        var rendered = Render(actual.Decision ?? "?", actual.Reason, actual.Errors);
        return new CheckResult(expected.Description, kinds, Render(expected), rendered, actual.ErrorMessages);
    }

    private static string Render(CorpusRequest r) => Render(r.Decision, r.Reason, r.Errors);

    private static string Render(string decision, IEnumerable<string> reason, IEnumerable<string> errors) =>
        $"{decision}, reason [{string.Join(", ", reason.Order(StringComparer.Ordinal))}], errors [{string.Join(", ", errors.Order(StringComparer.Ordinal))}]";

    private static string Lower(bool b) => b ? "true" : "false";
}
