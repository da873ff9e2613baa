using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Validation;

public class RequestValidationTests
{
    private static readonly EntityUid View = new("Action", "view");

    private static RecordValue ViewContext(params (string Name, Value Value)[] extra)
    {
        var attributes = new Dictionary<string, Value>
        {
            ["n"] = LongValue.Of(1),
            ["s"] = new StringValue("x"),
            ["rec"] = new RecordValue(new Dictionary<string, Value> { ["x"] = LongValue.Of(2) }),
            ["color"] = new EntityValue(new EntityUid("Color", "red")),
        };
        foreach (var (name, value) in extra)
        {
            attributes[name] = value;
        }

        return new RecordValue(attributes);
    }

    private static IReadOnlyList<CedarDiagnostic> Check(string principalType, EntityUid action, string resourceType, RecordValue context) =>
        ValidationFixture.Validator.ValidateRequest(new Request(new EntityUid(principalType, "p"), action, new EntityUid(resourceType, "r"), context));

    [Fact]
    public void ConformingRequestHasNoErrors() => Assert.Empty(Check("User", View, "Doc", ViewContext()));

    [Fact]
    public void OptionalContextAttributeMayBePresent() => Assert.Empty(Check("User", View, "Doc", ViewContext(("opt", LongValue.Of(3)))));

    [Fact]
    public void UndeclaredActionIsAnError() =>
        Assert.Contains("request's action `Action::\"nope\"` is not declared", Assert.Single(Check("User", new EntityUid("Action", "nope"), "Doc", ViewContext())).Message, StringComparison.Ordinal);

    [Fact]
    public void UndeclaredPrincipalTypeIsAnError() =>
        Assert.Contains(Check("Robot", View, "Doc", ViewContext()), e => e.Message == "principal type `Robot` is not declared in the schema");

    [Fact]
    public void PrincipalTypeOutsideAppliesToIsAnError() =>
        Assert.Contains(Check("Group", View, "Doc", ViewContext()), e => e.Message == "principal type `Group` is not valid for `Action::\"view\"`");

    [Fact]
    public void ResourceTypeOutsideAppliesToIsAnError() =>
        Assert.Contains(Check("User", View, "Folder", ViewContext()), e => e.Message == "resource type `Folder` is not valid for `Action::\"view\"`");

    [Fact]
    public void MissingRequiredContextAttributeIsAnError() =>
        Assert.Single(Check("User", View, "Doc", new RecordValue(new Dictionary<string, Value> { ["n"] = LongValue.Of(1) })));

    [Fact]
    public void UndeclaredContextAttributeIsAnError() => Assert.Single(Check("User", View, "Doc", ViewContext(("extra", LongValue.Of(1)))));

    [Fact]
    public void ContextAttributeOfTheWrongTypeIsAnError() => Assert.Single(Check("User", View, "Doc", ViewContext(("n", new StringValue("1")))));

    [Fact]
    public void InvalidEnumIdInContextIsAnError() =>
        Assert.Single(Check("User", View, "Doc", ViewContext(("color", new EntityValue(new EntityUid("Color", "green"))))));
}
