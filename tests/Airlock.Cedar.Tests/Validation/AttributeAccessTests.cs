using Airlock.Cedar.Validation;
using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class AttributeAccessTests
{
    [Fact]
    public void MissingAttributeIsAnError() => AssertOnly(When("principal.nmae == \"a\""), ValidationErrorKind.UnsafeAttributeAccess);

    [Fact]
    public void MissingAttributeSuggestsTheClosestOne() =>
        Assert.Contains(When("principal.nmae == \"a\"").Errors, e => e.Help == "did you mean `name`?");

    [Fact]
    public void OptionalAttributeNeedsAHasTest() =>
        AssertOnly(When("principal.manager.age > 1"), ValidationErrorKind.UnsafeOptionalAttributeAccess);

    [Fact]
    public void HasTestBeforeAndMakesOptionalAccessSafe() => AssertValid(When("principal has manager && principal.manager.age > 1"));

    [Fact]
    public void NestedHasTestMakesNestedOptionalAccessSafe() =>
        AssertValid(When("principal.address has zip && principal.address.zip > 1"));

    [Fact]
    public void DottedHasMakesNestedOptionalAccessSafe() =>
        AssertValid(When("context has rec.y && context.rec.y == \"a\""));

    [Fact]
    public void HasTestInIfGuardMakesThenBranchSafe() => AssertValid(When("if context has opt then context.opt > 1 else false"));

    [Fact]
    public void HasTestDoesNotProtectTheElseBranch() =>
        AssertOnly(When("if context has opt then true else context.opt > 1"), ValidationErrorKind.UnsafeOptionalAttributeAccess);

    [Fact]
    public void OrDoesNotPassCapabilitiesToItsRightOperand() =>
        AssertOnly(When("context has opt || context.opt > 1"), ValidationErrorKind.UnsafeOptionalAttributeAccess);

    [Fact]
    public void CapabilityCommonToBothOrOperandsSurvives() =>
        AssertValid(When("(context has opt || context has opt) && context.opt > 1"));

    [Fact]
    public void CapabilityFromAnEarlierConditionCarriesOver() =>
        AssertValid(Validate("permit(principal is User, action == Action::\"view\", resource) when { context has opt } when { context.opt > 1 };"));

    [Fact]
    public void HasOnAnAttributeNoTypeDeclaresIsFalse()
    {
        var result = When("principal has nope");
        Assert.True(result.IsValid);
        Assert.Contains(result.WarningIssues, w => w.Kind == ValidationErrorKind.ImpossiblePolicy);
    }

    [Fact]
    public void AttributesOfRecordLiteralsAreKnown() => AssertValid(When("{a: 1}.a == 1"));

    [Fact]
    public void ActionsHaveNoAttributes() => AssertOnly(When("action.name == \"x\""), ValidationErrorKind.UnsafeAttributeAccess);

    [Fact]
    public void OptionalAccessMessageSuggestsAGuard()
    {
        var error = Assert.Single(When("principal.manager.age > 1").Errors);
        Assert.Equal("for policy `policy0`, unable to guarantee safety of access to optional attribute `manager` on entity type `User`", error.Message);
        Assert.Equal("try testing for the attribute's presence with `e has manager && ..`", error.Help);
    }
}
