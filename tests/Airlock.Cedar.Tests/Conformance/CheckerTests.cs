using Airlock.Cedar.Conformance.Checking;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Engines;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Conformance;

public class CheckerTests
{
    [Fact]
    public void Check_SameAnswerWithReasonsInOtherOrder_Passes()
    {
        var checks = Checker.Check(Test(shouldValidate: true), Observed(true, Answer("allow", ["policy1", "policy0"], [])));

        Assert.All(checks, c => Assert.True(c.Passed));
        Assert.Equal(2, checks.Count);
    }

    [Fact]
    public void Check_DecisionReasonAndErrorsDiffer_NamesAllThree()
    {
        var checks = Checker.Check(Test(shouldValidate: true), Observed(true, Answer("deny", [], ["policy2"])));

        Assert.Equal([FailureKind.Decision, FailureKind.Reason, FailureKind.Errors], checks[1].Kinds);
    }

    [Fact]
    public void Check_ValidationDisagrees_FailsTheValidationCheckOnly()
    {
        var checks = Checker.Check(Test(shouldValidate: false), Observed(true, Answer("allow", ["policy0", "policy1"], [])));

        Assert.Equal([FailureKind.Validation], checks[0].Kinds);
        Assert.True(checks[1].Passed);
    }

    [Fact]
    public void Check_EntitiesRejected_FailsEveryCheckOfTheTest()
    {
        var failure = new EngineFailure(FailureKind.EntitiesParse, ["bad entity"]);

        var checks = Checker.Check(Test(shouldValidate: true), TestObservation.Failed(failure));

        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal([FailureKind.EntitiesParse], c.Kinds));
    }

    [Fact]
    public void Check_RequestValidationFails_FailsThatRequest()
    {
        var rejected = RequestObservation.Failed(new EngineFailure(FailureKind.RequestValidation, ["no such action"]));

        var checks = Checker.Check(Test(shouldValidate: true), Observed(true, rejected));

        Assert.Equal([FailureKind.RequestValidation], checks[1].Kinds);
        Assert.Equal(["no such action"], checks[1].Messages);
    }

    private static RequestObservation Answer(string decision, string[] reason, string[] errors) => new(null, decision, reason, errors, []);

    private static TestObservation Observed(bool valid, RequestObservation request) => new(null, valid, [], [request]);

    private static CorpusTest Test(bool shouldValidate) => new(
        "dev/tests/t.json", "p.cedar", "permit(principal, action, resource);", "s.cedarschema", string.Empty, false, "e.json", "[]", shouldValidate,
        [new CorpusRequest("r", new EntityUid("U", "a"), new EntityUid("Action", "v"), new EntityUid("U", "b"), "{}", true, "allow", ["policy0", "policy1"], [], null)],
        null);
}
