using Airlock.Cedar.Validation;
using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class ScopeValidationTests
{
    [Fact]
    public void UnconstrainedPolicyIsValid() => AssertValid(Validate("permit(principal, action, resource);"));

    [Fact]
    public void UnknownEntityTypeInScopeIsAnError() =>
        Assert.Contains(ValidationErrorKind.UnrecognizedEntityType, Validate("permit(principal == Usr::\"a\", action, resource);").Kinds());

    [Fact]
    public void UnknownEntityTypeInConditionIsAnError() =>
        AssertOnly(When("principal in Team::\"x\""), ValidationErrorKind.UnrecognizedEntityType);

    [Fact]
    public void UnknownTypeInIsIsAnError() =>
        AssertOnly(When("resource is Paper"), ValidationErrorKind.UnrecognizedEntityType);

    [Fact]
    public void UnknownActionIsAnError() =>
        Assert.Contains(ValidationErrorKind.UnrecognizedActionId, Validate("permit(principal, action == Action::\"vew\", resource);").Kinds());

    [Fact]
    public void UnknownActionInConditionIsAnError() =>
        AssertOnly(When("action == Action::\"nope\""), ValidationErrorKind.UnrecognizedActionId);

    [Fact]
    public void UnknownActionSuggestsTheClosestDeclaredOne()
    {
        var result = Validate("permit(principal, action == Action::\"vew\", resource);");
        Assert.Contains(result.Errors, e => e.Help == "did you mean `Action::\"view\"`?");
    }

    [Fact]
    public void UndeclaredEnumIdIsAnError() =>
        AssertOnly(When("context.color == Color::\"green\""), ValidationErrorKind.InvalidEnumEntity);

    [Fact]
    public void DeclaredEnumIdIsValid() => AssertValid(When("context.color == Color::\"red\""));

    [Fact]
    public void ScopeNoActionAppliesToIsAnError() =>
        AssertOnly(Validate("permit(principal is Group, action == Action::\"view\", resource);"), ValidationErrorKind.InvalidActionApplication);

    [Fact]
    public void ActionWithoutAppliesToCannotBeUsedAlone() =>
        AssertOnly(Validate("permit(principal, action == Action::\"read\", resource);"), ValidationErrorKind.InvalidActionApplication);

    [Fact]
    public void ActionGroupAppliesThroughItsMembers() =>
        AssertValid(Validate("permit(principal, action in Action::\"read\", resource is Folder);"));

    [Fact]
    public void EqualityWithAGroupSuggestsIn()
    {
        var result = Validate("permit(principal == Group::\"g\", action == Action::\"view\", resource);");
        Assert.Contains(result.Errors, e => e.Help == "try replacing `==` with `in` in the principal clause");
    }

    [Fact]
    public void PrincipalInAGroupAppliesToMembers() =>
        AssertValid(Validate("permit(principal in Group::\"g\", action == Action::\"view\", resource in Folder::\"f\");"));

    [Fact]
    public void TemplateSlotsAreCheckedForEveryPossibleLink() =>
        AssertValid(Validate("permit(principal in ?principal, action == Action::\"view\", resource) when { principal.age > 1 };"));

    [Fact]
    public void ActionInListMixingNamespacesIsAnError() =>
        Assert.Contains(ValidationErrorKind.IncompatibleTypes, Validate("permit(principal, action in [Action::\"view\", NS::Action::\"act\"], resource);").Kinds());

    [Fact]
    public void ImpossiblePolicyIsOnlyAWarning()
    {
        var result = When("1 == \"a\"");
        Assert.True(result.IsValid);
        Assert.Contains(result.WarningIssues, w => w.Kind == ValidationErrorKind.ImpossiblePolicy);
    }

    [Fact]
    public void ErrorsNameThePolicyAndItsLocation()
    {
        const string second = "permit(principal is User, action == Action::\"view\", resource) when { principal.nope };";
        var result = Validate("permit(principal, action, resource);\n" + second);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("for policy `policy1`, attribute `nope` on entity type `User` not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(("policies.cedar", 2, second.IndexOf("principal.nope", StringComparison.Ordinal) + 1), (error.SourceName, error.Line, error.Column));
    }

    [Fact]
    public void BidiControlCharactersInStringsAreWarnedAbout()
    {
        var result = When("principal.name == \"abc\u202Edef\"");
        Assert.True(result.IsValid);
        Assert.Contains(result.WarningIssues, w => w.Kind == ValidationErrorKind.BidiCharsInString);
    }
}
