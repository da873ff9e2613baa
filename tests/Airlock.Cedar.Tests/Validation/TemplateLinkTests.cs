using Airlock.Cedar.Validation;
using Airlock.Cedar.Values;
using static Airlock.Cedar.Tests.Validation.ValidationFixture;

namespace Airlock.Cedar.Tests.Validation;

public class TemplateLinkTests
{
    private const string Template = "permit(principal == ?principal, action == Action::\"view\", resource);";

    private static ValidationResult ValidateLink(string type, string id) =>
        ValidationFixture.Validator.Validate(PolicySet.Parse(Template).Link("policy0", "link0", new EntityUid(type, id), null));

    [Fact]
    public void LinkToAnApplicablePrincipalIsValid() => AssertValid(ValidateLink("User", "u"));

    [Fact]
    public void LinkToAPrincipalTheActionDoesNotApplyToIsAnError() =>
        AssertOnly(ValidateLink("Group", "g"), ValidationErrorKind.InvalidActionApplication);

    [Fact]
    public void LinkToAnUndeclaredEntityTypeIsAnError()
    {
        var result = ValidateLink("Robot", "r");
        Assert.Contains(ValidationErrorKind.UnrecognizedEntityType, result.Kinds());
        Assert.Contains(result.Errors, e => e.Message == "for policy `link0`, unrecognized entity type `Robot`");
    }
}
