using Airlock.Cedar.Validation;
using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class TypeCheckingTests
{
    [Theory]
    [InlineData("principal.age > 3")]
    [InlineData("principal.name like \"a*\"")]
    [InlineData("resource.owner == principal")]
    [InlineData("principal in resource.readers")]
    [InlineData("resource.readers.contains(principal)")]
    [InlineData("principal.flags.containsAny([\"x\", \"y\"])")]
    [InlineData("context.n + 1 < context.rec.x * 2")]
    [InlineData("(if context.n > 0 then principal.age else 0) >= -1")]
    [InlineData("{a: 1, b: \"x\"} == {b: \"y\", a: 2}")]
    [InlineData("principal.address.street != \"\"")]
    public void WellTypedConditionsAreValid(string condition) => AssertValid(When(condition));

    [Theory]
    [InlineData("principal.age")]
    [InlineData("principal.name > 1")]
    [InlineData("principal.age + \"a\" > 1")]
    [InlineData("principal.age like \"1\"")]
    [InlineData("principal.name.isEmpty()")]
    [InlineData("1 in principal")]
    [InlineData("principal in principal.name")]
    [InlineData("principal.age has x")]
    [InlineData("principal.name is User")]
    public void OperandsOfTheWrongTypeAreErrors(string condition) => AssertOnly(When(condition), ValidationErrorKind.UnexpectedType);

    [Theory]
    [InlineData("[1, \"a\"].isEmpty()")]
    [InlineData("(if context.n > 0 then 1 else \"a\") == 1")]
    [InlineData("principal.age == principal.name")]
    [InlineData("{a: 1} == {a: 1, b: 2}")]
    [InlineData("[principal, resource].isEmpty()")]
    [InlineData("principal.flags.containsAll([1])")]
    [InlineData("principal.flags.contains(1)")]
    public void StrictModeRefusesMixedTypes(string condition) => AssertOnly(When(condition), ValidationErrorKind.IncompatibleTypes);

    [Fact]
    public void EqualityBetweenDifferentEntityTypesIsAllowedAndFalse()
    {
        var result = When("principal == resource");
        Assert.True(result.IsValid);
        Assert.Contains(result.WarningIssues, w => w.Kind == ValidationErrorKind.ImpossiblePolicy);
    }

    [Fact]
    public void EmptySetLiteralIsAnError() => AssertOnly(When("principal.flags.containsAll([])"), ValidationErrorKind.EmptySetForbidden);

    [Fact]
    public void FalseShortCircuitsAnd() => AssertValid(When("false && principal.nope"));

    [Fact]
    public void TrueShortCircuitsOr() => AssertValid(When("true || principal.nope"));

    [Fact]
    public void IfTrueChecksOnlyTheThenBranch() => AssertValid(When("if true then principal.age > 1 else principal.nope"));

    [Fact]
    public void EqualLiteralsDecideAConditional() => AssertValid(When("if 1 == 2 then principal.nope else true"));

    [Fact]
    public void ImpossibleInShortCircuits() => AssertValid(When("principal in Doc::\"d\" && principal.nope"));

    [Fact]
    public void ActionHierarchyDecidesActionIn() => AssertValid(When("action in Action::\"read\" && principal.nope", "principal, action == Action::\"view\", resource"));

    [Fact]
    public void IsNarrowsByEntityType() =>
        AssertValid(Validate("permit(principal, action == Action::\"edit\", resource) when { principal is User && principal.age > 1 };"));

    [Fact]
    public void ConditionMustBeBoolean() => AssertOnly(When("principal.name"), ValidationErrorKind.UnexpectedType);

    [Fact]
    public void UnlessConditionsAreCheckedToo() => AssertOnly(Validate("permit(principal, action, resource) unless { 1 };"), ValidationErrorKind.UnexpectedType);

    [Fact]
    public void EveryEnvironmentIsChecked() =>
        AssertOnly(Validate("permit(principal, action == Action::\"edit\", resource) when { principal.age > 1 };"), ValidationErrorKind.UnsafeAttributeAccess);
}
