using Airlock.Cedar.Validation;
using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class TagAndExtensionTests
{
    [Fact]
    public void GetTagNeedsHasTag() => AssertOnly(When("principal.getTag(\"k\") == \"v\""), ValidationErrorKind.UnsafeTagAccess);

    [Fact]
    public void HasTagMakesGetTagSafe() => AssertValid(When("principal.hasTag(\"k\") && principal.getTag(\"k\") == \"v\""));

    [Fact]
    public void TagValuesHaveTheDeclaredTagType() =>
        AssertOnly(When("resource.hasTag(\"k\") && resource.getTag(\"k\") == \"v\""), ValidationErrorKind.IncompatibleTypes);

    [Fact]
    public void HasTagWithAComputedKeyGuardsTheSameKey() =>
        AssertValid(When("resource.hasTag(context.s) && resource.getTag(context.s) > 1"));

    [Fact]
    public void HasTagOnADifferentKeyDoesNotHelp() =>
        AssertOnly(When("resource.hasTag(context.s) && resource.getTag(\"k\") > 1"), ValidationErrorKind.UnsafeTagAccess);

    [Fact]
    public void EntitiesWithoutTagsCannotHaveThem()
    {
        var result = Validate("permit(principal, action == Action::\"list\", resource) when { resource.hasTag(\"k\") && resource.getTag(\"k\") };");
        Assert.True(result.IsValid);
        Assert.Contains(result.WarningIssues, w => w.Kind == ValidationErrorKind.ImpossiblePolicy);
    }

    [Theory]
    [InlineData("decimal(\"1.5\").lessThan(decimal(\"2.0\"))")]
    [InlineData("principal.ip.isInRange(ip(\"10.0.0.0/8\"))")]
    [InlineData("principal.joined < datetime(\"2024-01-01\")")]
    [InlineData("principal.joined.offset(duration(\"1h\")) >= datetime(\"2024-01-01T00:00:00Z\")")]
    [InlineData("duration(\"90m\").toHours() == 1")]
    public void ExtensionCallsWithTheRightTypesAreValid(string condition) => AssertValid(When(condition));

    [Theory]
    [InlineData("decimal(\"1.23456\") == decimal(\"1.0\")")]
    [InlineData("ip(\"10.0.0.256\").isIpv4()")]
    [InlineData("datetime(\"2024-13-01\") < datetime(\"2024-01-01\")")]
    [InlineData("duration(\"1x\") < duration(\"1h\")")]
    public void MalformedConstructorLiteralsAreErrors(string condition) =>
        AssertOnly(When(condition), ValidationErrorKind.FunctionArgumentValidation);

    [Fact]
    public void ConstructorsNeedLiteralArguments() => AssertOnly(When("ip(context.s).isIpv4()"), ValidationErrorKind.NonLitExtConstructor);

    [Fact]
    public void ExtensionArgumentsMustHaveTheDeclaredTypes() =>
        AssertOnly(When("principal.ip.isInRange(decimal(\"1.0\"))"), ValidationErrorKind.UnexpectedType);

    [Fact]
    public void DecimalsDoNotSupportComparisonOperators() =>
        AssertOnly(When("decimal(\"1.0\") < decimal(\"2.0\")"), ValidationErrorKind.UnexpectedType);
}
